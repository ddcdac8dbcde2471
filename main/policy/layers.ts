// Two places of one system (HKLM and HKCU; the computer's profile and the user's): the higher
// one wins key by key, down to a field of alerts or screenPop, so IT can set a machine-wide
// server and leave a floor's ringing choice to a per-user profile.
import { isPlainObject } from '../boundary/records.js';

const SETTINGS_PARTS = ['defaults', 'enforced'];

/** Raw documents (not yet judged): undefined for a place with no policy. */
export function mergePolicyLayers(higher: unknown, lower: unknown): unknown {
  if (!isPlainObject(higher)) return higher ?? lower;
  if (!isPlainObject(lower)) return higher;
  return withOwn(lower, higher, (key, value) =>
    SETTINGS_PARTS.includes(key) ? mergeObjects(value, lower[key], 1) : value,
  );
}

function mergeObjects(higher: unknown, lower: unknown, depth: number): unknown {
  if (!isPlainObject(higher) || !isPlainObject(lower)) return higher;
  return withOwn(lower, higher, (key, value) =>
    depth > 0 ? mergeObjects(value, lower[key], depth - 1) : value,
  );
}

/** lower's keys, then higher's over them; Object.fromEntries so a "__proto__" key stays data. */
function withOwn(
  lower: Record<string, unknown>,
  higher: Record<string, unknown>,
  value: (key: string, higherValue: unknown) => unknown,
): Record<string, unknown> {
  const merged = new Map(Object.entries(lower));
  for (const [key, v] of Object.entries(higher)) merged.set(key, value(key, v));
  return Object.fromEntries(merged);
}
