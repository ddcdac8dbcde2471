// A policy document, as IT wrote it (a JSON file, the registry, a configuration profile), read
// key by key: each invalid key is refused with a message and the rest kept, so a typo in one
// setting never throws away the others or stops the app. Values follow the settings' own rules.
import type { SettingsPatch } from '../boundary/contract.js';
import { isLoopback } from '../evo/server-url.js';
import { RULES, SCREEN_POP_RULES, alertFlag } from '../settings/rules.js';
import { ALERT_KINDS, SCREEN_POP_FIELDS, SETTING_KEYS } from '../settings/keys.js';
import { isPlainObject } from '../boundary/records.js';
import { errorMessage } from '../boundary/errors.js';

export interface Policy {
  /** Applied where the agent has not chosen (e.g. the tenant's server). */
  defaults: SettingsPatch;
  /** The agent cannot change these. */
  enforced: SettingsPatch;
  /** When given, a screen pop opens only on these origins (`https://crm.example.com`). */
  allowedScreenPopOrigins?: string[];
  /** false: the password is never kept in the keychain, only in memory. */
  allowRememberPassword?: boolean;
}

export interface PolicyReading {
  /** Undefined when there is no policy at all. */
  policy?: Policy;
  /** One sentence per refused key, for the log. */
  refusals: string[];
}

/** Choices a policy can make. The rest are the app's own state (where the window was, a pause,
 * the last transfer numbers), never a choice for IT. */
export const POLICY_SETTING_KEYS = SETTING_KEYS.filter(
  (key) => key !== 'windowBounds' && key !== 'alertsPausedUntil' && key !== 'recentDestinations',
);

const PARTS = ['defaults', 'enforced'] as const;
const TOP_KEYS = [...PARTS, 'allowedScreenPopOrigins', 'allowRememberPassword'];

export function readPolicyDocument(raw: unknown): PolicyReading {
  if (raw === undefined || raw === null) return { refusals: [] };
  if (!isPlainObject(raw)) {
    return { refusals: ['The policy is not an object of keys and values; it is ignored.'] };
  }
  const refusals: string[] = [];
  const policy: Policy = { defaults: {}, enforced: {} };
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key)) {
      refusals.push(
        `Policy key "${shorten(key)}" is unknown and ignored. Keys are: ${TOP_KEYS.join(', ')}.`,
      );
    }
  }
  for (const part of PARTS) {
    const value = raw[part];
    if (value === undefined) continue;
    if (!isPlainObject(value)) {
      refusals.push(`Policy ${part} must be an object of settings; it is ignored.`);
      continue;
    }
    policy[part] = readSettingsPart(part, value, refusals);
  }
  const origins = raw['allowedScreenPopOrigins'];
  if (origins !== undefined) policy.allowedScreenPopOrigins = readOrigins(origins, refusals);
  const remember = raw['allowRememberPassword'];
  if (typeof remember === 'boolean') {
    policy.allowRememberPassword = remember;
  } else if (remember !== undefined) {
    refusals.push('Policy allowRememberPassword must be true or false; it is ignored.');
  }
  return { policy, refusals };
}

function readSettingsPart(
  part: string,
  values: Record<string, unknown>,
  refusals: string[],
): SettingsPatch {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const where = `Policy ${part}.${shorten(key)}`;
    if (!(POLICY_SETTING_KEYS as readonly string[]).includes(key)) {
      refusals.push(`${where} is not a setting a policy can set; it is ignored.`);
    } else if (key === 'alerts' || key === 'screenPop') {
      const group = readGroup(key, value, `${part}.${key}`, refusals);
      if (group !== undefined) out[key] = group;
    } else {
      const checked = attempt(() => RULES[key as keyof typeof RULES](value, key));
      if (checked.ok) out[key] = checked.value;
      else refusals.push(`${where}: ${checked.error} It is ignored.`);
    }
  }
  return out as SettingsPatch;
}

/** alerts and screenPop: field by field, like the settings file. */
function readGroup(
  key: 'alerts' | 'screenPop',
  value: unknown,
  where: string,
  refusals: string[],
): Record<string, unknown> | undefined {
  const fields: readonly string[] = key === 'alerts' ? ALERT_KINDS : SCREEN_POP_FIELDS;
  if (!isPlainObject(value)) {
    refusals.push(`Policy ${where} must be an object of ${fields.join(', ')}; it is ignored.`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [name, fieldValue] of Object.entries(value)) {
    if (!fields.includes(name)) {
      refusals.push(`Policy ${where}.${shorten(name)} is unknown; it is ignored.`);
      continue;
    }
    const checked = attempt(() =>
      key === 'alerts'
        ? alertFlag(fieldValue, name)
        : SCREEN_POP_RULES[name as 'url' | 'when'](fieldValue, `${key}.${name}`),
    );
    if (checked.ok) out[name] = checked.value;
    else refusals.push(`Policy ${where}.${name}: ${checked.error} It is ignored.`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Each entry an origin (scheme, host, port; no path), https or loopback http. A bad entry is
 * dropped; a value that is not a list at all allows nothing: IT meant to restrict screen pops,
 * and a typo must not open them to every site.
 */
function readOrigins(value: unknown, refusals: string[]): string[] {
  if (!Array.isArray(value)) {
    refusals.push(
      'Policy allowedScreenPopOrigins must be a list of origins such as ' +
        '"https://crm.example.com"; until it is, no screen pop opens.',
    );
    return [];
  }
  const origins: string[] = [];
  for (const entry of value as unknown[]) {
    const origin = typeof entry === 'string' ? originOf(entry) : undefined;
    if (origin === undefined) {
      refusals.push(
        `Policy allowedScreenPopOrigins: ${typeof entry === 'string' ? `"${shorten(entry)}"` : 'an entry'} ` +
          'is not an https origin such as "https://crm.example.com"; it is ignored.',
      );
    } else if (!origins.includes(origin)) {
      origins.push(origin);
    }
  }
  return origins;
}

function originOf(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  const web = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '';
  return web && bare && url.password === '' ? url.origin : undefined;
}

function attempt<T>(read: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
