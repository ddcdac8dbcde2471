// PascalCase output, to prove clients read both casings the API may use.

/** Dictionary fields whose keys are data, not field names: their keys keep their case. */
const DICTIONARY_FIELDS = new Set(['applicationData']);

function pascal(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** A deep copy of a JSON value with every field name in PascalCase. */
export function toPascalCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPascalCase);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[pascal(key)] = DICTIONARY_FIELDS.has(key) ? field : toPascalCase(field);
  }
  return out;
}
