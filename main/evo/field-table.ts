// Reads an untrusted JSON object through a table of known fields, so the output holds only the
// fields the table names, each with the type the table says. Anything else is left behind.

export type Field =
  | { readonly kind: 'string' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'list-of-string' }
  | { readonly kind: 'list'; readonly of: FieldTable<object> }
  | { readonly kind: 'dictionary' };

/** One entry per field of T, named as the API sends it (camelCase). */
export type FieldTable<T extends object> = { readonly [K in keyof T]-?: Field };

export const string: Field = { kind: 'string' };
export const bool: Field = { kind: 'bool' };
export const stringList: Field = { kind: 'list-of-string' };
export const dictionary: Field = { kind: 'dictionary' };

/** The known values are documentation: unknown values are kept, the API is still evolving. */
export function enumOf(...values: string[]): Field {
  return { kind: 'enum', values };
}

export function listOf<T extends object>(table: FieldTable<T>): Field {
  return { kind: 'list', of: table };
}

/**
 * A known value in another case ("ringing") is written as documented ("Ringing"), so a server
 * that changes its enum casing cannot silence a ring; an unknown value is kept as sent.
 */
function canonicalEnum(values: readonly string[], value: string): string {
  const lower = value.toLowerCase();
  return values.find((known) => known.toLowerCase() === lower) ?? value;
}

/** Keys that must never be written into an object, whatever the server sends. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of `name` (camelCase) or its PascalCase twin, own properties only. */
export function readKey(raw: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(raw, name)) return raw[name];
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);
  return Object.hasOwn(raw, pascal) ? raw[pascal] : undefined;
}

/** Builds a T from the table's fields only; a field of the wrong type is dropped. */
export function readFields<T extends object>(
  table: FieldTable<T>,
  raw: Record<string, unknown>,
): T {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(table) as [string, Field][]) {
    const value = readValue(field, readKey(raw, name));
    if (value !== undefined) out[name] = value;
  }
  // Sound by construction: every key written is a key of T, read with the table's type.
  return out as T;
}

function readValue(field: Field, value: unknown): unknown {
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'enum':
      return typeof value === 'string' ? canonicalEnum(field.values, value) : undefined;
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'list-of-string':
      return Array.isArray(value)
        ? value.filter((item): item is string => typeof item === 'string')
        : undefined;
    case 'list':
      return Array.isArray(value)
        ? value.filter(isRecord).map((item) => readFields(field.of, item))
        : undefined;
    case 'dictionary':
      return readDictionary(value);
  }
}

/** A string → string map with no prototype, so no key can reach Object.prototype. */
function readDictionary(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const out = Object.create(null) as Record<string, string>;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && !HOSTILE_KEYS.has(key)) out[key] = item;
  }
  return out;
}
