// A policy over the agent's settings, pure: what the app uses, which keys the agent cannot
// change, and what is left of a patch from the window once those are taken out.
import { DEFAULT_SETTINGS } from '../boundary/contract.js';
import type { Settings } from '../boundary/contract.js';
import type { Policy } from './document.js';
import { isPlainObject } from '../boundary/records.js';

const GROUPS = ['alerts', 'screenPop'] as const;
type Group = (typeof GROUPS)[number];
const isGroup = (key: string): key is Group => (GROUPS as readonly string[]).includes(key);

/**
 * The settings in effect. A default applies where the stored value is still the app's own
 * default (the file keeps every key, so "not chosen" can only be read this way); an enforced
 * value applies always.
 */
export function effectiveSettings(stored: Settings, policy: Policy | undefined): Settings {
  if (policy === undefined) return stored;
  const out = { ...stored, alerts: { ...stored.alerts }, screenPop: { ...stored.screenPop } };
  const fields = out as unknown as Record<string, unknown>;
  const builtIn = DEFAULT_SETTINGS as unknown as Record<string, unknown>;
  for (const [key, value] of entries(policy.defaults)) {
    if (isGroup(key)) {
      const own = fields[key] as Record<string, unknown>;
      const original = builtIn[key] as Record<string, unknown>;
      for (const [name, v] of entries(value)) if (own[name] === original[name]) own[name] = v;
    } else if (sameValue(fields[key], builtIn[key])) {
      fields[key] = value;
    }
  }
  for (const [key, value] of entries(policy.enforced)) {
    if (isGroup(key)) Object.assign(fields[key] as object, value);
    else fields[key] = value;
  }
  return out;
}

/** The enforced settings' keys, dotted for a field of alerts or screenPop (`alerts.ringing`). */
export function enforcedKeys(policy: Policy | undefined): string[] {
  if (policy === undefined) return [];
  const keys: string[] = [];
  for (const [key, value] of entries(policy.enforced)) {
    if (isGroup(key)) for (const [name] of entries(value)) keys.push(`${key}.${name}`);
    else keys.push(key);
  }
  return keys;
}

/**
 * The patch without what the policy enforces, so the rest still applies. Anything else in it
 * (an unknown key, a wrong shape) is left for the settings' own validation to refuse.
 */
export function applyPatch<P>(patch: P, policy: Policy | undefined): P {
  if (policy === undefined || !isPlainObject(patch)) return patch;
  const enforced = new Set(enforcedKeys(policy));
  // Built with Object.fromEntries: a "__proto__" key stays a key, for validation to refuse.
  const kept: [string, unknown][] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (enforced.has(key)) continue;
    if (isGroup(key) && isPlainObject(value)) {
      const fields = Object.entries(value).filter(([name]) => !enforced.has(`${key}.${name}`));
      if (fields.length > 0) kept.push([key, Object.fromEntries(fields)]);
      continue;
    }
    kept.push([key, value]);
  }
  return Object.fromEntries(kept) as P;
}

/** false only when the policy says so: the password then stays in memory. */
export function mayRememberPassword(policy: Policy | undefined): boolean {
  return policy?.allowRememberPassword !== false;
}

function entries(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
