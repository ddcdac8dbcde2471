// The policy on Windows: HKLM\SOFTWARE\Policies\EvoVoiceTray, then HKCU\…, HKLM winning per
// value. One registry value per setting, named by its dotted key, so IT writes a .reg file or a
// Group Policy Preference without any JSON (docs/DEPLOYMENT.md):
//   "enforced.server"="https://team.evovoice.io"       REG_SZ for text
//   "enforced.alerts.ringing"=dword:00000001           REG_DWORD for on/off and numbers
//   "defaults.ringVolume"="0.5"                        REG_SZ for a fraction
//   "allowedScreenPopOrigins"="https://crm.example.com https://crm2.example.com"
//                                                      REG_SZ (space-separated) or REG_MULTI_SZ
//   "allowRememberPassword"=dword:00000000
// Value names are matched without regard to case, as the registry does.
import { DEFAULT_SETTINGS } from '../boundary/contract.js';
import { PolicyReadError } from './source.js';
import type { PolicySource } from './source.js';
import { mergePolicyLayers } from './layers.js';
import { errorMessage } from '../boundary/errors.js';

export const POLICY_REGISTRY_KEY = 'SOFTWARE\\Policies\\EvoVoiceTray';

export type RegistryValue =
  | { type: 'REG_SZ'; value: string }
  | { type: 'REG_DWORD'; value: number }
  | { type: 'REG_MULTI_SZ'; value: string[] };

export type RegistryHive = 'HKLM' | 'HKCU';

export interface RegistryReader {
  /** The values under hive\key by name; undefined when the key does not exist. */
  values(hive: RegistryHive, key: string): Promise<ReadonlyMap<string, RegistryValue> | undefined>;
}

export function windowsPolicySource(reader: RegistryReader): PolicySource {
  return {
    async read() {
      const [machine, user] = await Promise.all([
        readHive(reader, 'HKLM'),
        readHive(reader, 'HKCU'),
      ]);
      return mergePolicyLayers(machine, user);
    },
  };
}

async function readHive(reader: RegistryReader, hive: RegistryHive): Promise<unknown> {
  let values: ReadonlyMap<string, RegistryValue> | undefined;
  try {
    values = await reader.values(hive, POLICY_REGISTRY_KEY);
  } catch (e) {
    throw new PolicyReadError(
      `The policy in ${hive}\\${POLICY_REGISTRY_KEY} cannot be read (${errorMessage(e)}); it is ignored.`,
    );
  }
  return values === undefined ? undefined : registryDocument(values);
}

/** The registry values as a policy document (the JSON file's shape), still to be judged. */
export function registryDocument(values: ReadonlyMap<string, RegistryValue>): unknown {
  const doc = new Map<string, unknown>();
  const part = (name: string) => {
    const existing = doc.get(name);
    if (existing instanceof Map) return existing as Map<string, unknown>;
    const created = new Map<string, unknown>();
    doc.set(name, created);
    return created;
  };
  for (const [rawName, value] of values) {
    const path = canonicalPath(rawName);
    const [top = '', key, field] = path;
    if ((top === 'defaults' || top === 'enforced') && key !== undefined) {
      const settings = part(top);
      if (field === undefined) {
        settings.set(key, asSettingValue(value, builtInOf(key)));
      } else {
        const group = settings.get(key);
        const fields = group instanceof Map ? (group as Map<string, unknown>) : new Map();
        fields.set(field, asSettingValue(value, builtInOf(key, field)));
        settings.set(key, fields);
      }
    } else if (top === 'allowedScreenPopOrigins') {
      doc.set(top, asList(value));
    } else if (top === 'allowRememberPassword') {
      doc.set(top, asSettingValue(value, true));
    } else {
      // Left in, to be refused by name in the log.
      doc.set(rawName, value.value);
    }
  }
  return toObject(doc);
}

const TOP = ['defaults', 'enforced', 'allowedScreenPopOrigins', 'allowRememberPassword'];

/** The dotted name in the policy's own spelling where it is a known key, as written otherwise. */
function canonicalPath(name: string): string[] {
  const spelled = (word: string, known: readonly string[]) =>
    known.find((k) => k.toLowerCase() === word.toLowerCase()) ?? word;
  const [top = '', key, field, ...rest] = name.split('.');
  const path = [spelled(top, TOP)];
  if (key !== undefined) path.push(spelled(key, Object.keys(DEFAULT_SETTINGS)));
  if (field !== undefined) {
    const group = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[path[1] ?? ''];
    path.push(spelled(field, typeof group === 'object' && group ? Object.keys(group) : []));
  }
  return rest.length > 0 ? [name] : path;
}

function builtInOf(key: string, field?: string): unknown {
  const value = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key];
  if (field === undefined) return value;
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[field]
    : undefined;
}

/** REG_DWORD is on/off for a switch and a number otherwise; REG_SZ text, or a number's text. */
function asSettingValue(value: RegistryValue, builtIn: unknown): unknown {
  if (typeof builtIn === 'boolean') {
    if (value.type === 'REG_DWORD') return value.value !== 0;
    if (value.type === 'REG_SZ' && /^(true|false)$/i.test(value.value.trim())) {
      return value.value.trim().toLowerCase() === 'true';
    }
  }
  if (typeof builtIn === 'number' && value.type === 'REG_SZ' && value.value.trim() !== '') {
    const number = Number(value.value.trim());
    if (Number.isFinite(number)) return number;
  }
  return value.value;
}

function asList(value: RegistryValue): unknown {
  if (value.type === 'REG_MULTI_SZ') return value.value.filter((s) => s.trim() !== '');
  if (value.type === 'REG_SZ') return value.value.split(/[\s,;]+/).filter((s) => s !== '');
  return value.value;
}

function toObject(map: Map<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    [...map].map(([k, v]) => [k, v instanceof Map ? toObject(v as Map<string, unknown>) : v]),
  );
}
