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

/**
 * Told when a field the table names came with a type it cannot hold, so the field was left
 * behind (null counts as absent). `field` is the table's own name, dotted through lists
 * (`members.callState`), and `type` the JSON type sent: never the value, which may be private.
 */
export type DroppedField = (field: string, type: string) => void;

/**
 * ServiceStack's `TreatEnumAsInteger` sends an enum as its index in the documented order
 * (shared/evo-voice-api.md); any other number is not a value this app knows.
 */
function enumByNumber(values: readonly string[], value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? values[value] : undefined;
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

/**
 * Builds a T from the table's fields only; a field of the wrong type is dropped (and told to
 * `dropped`, if given: the work is done only on that path, so a good answer costs nothing).
 */
export function readFields<T extends object>(
  table: FieldTable<T>,
  raw: Record<string, unknown>,
  dropped?: DroppedField,
  /** The list field this object came in (`members`), for the drop report only. */
  parent?: string,
): T {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(table) as [string, Field][]) {
    const sent = readKey(raw, name);
    const value = readValue(field, sent, dropped, name);
    if (value !== undefined) out[name] = value;
    else if (dropped !== undefined && sent !== undefined && sent !== null) {
      dropped(parent === undefined ? name : `${parent}.${name}`, jsonType(field, sent));
    }
  }
  // Sound by construction: every key written is a key of T, read with the table's type.
  return out as T;
}

function readValue(
  field: Field,
  value: unknown,
  dropped: DroppedField | undefined,
  name: string,
): unknown {
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'enum':
      return typeof value === 'string'
        ? canonicalEnum(field.values, value)
        : enumByNumber(field.values, value);
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'list-of-string':
      return Array.isArray(value)
        ? value.filter((item): item is string => typeof item === 'string')
        : undefined;
    case 'list':
      return Array.isArray(value) ? readList(field.of, value, dropped, name) : undefined;
    case 'dictionary':
      return readDictionary(value);
  }
}

function readList(
  table: FieldTable<object>,
  list: unknown[],
  dropped: DroppedField | undefined,
  parent: string,
): object[] {
  return list.filter(isRecord).map((item) => readFields(table, item, dropped, parent));
}

/** What JSON type a value was sent as, in words for a log line. */
function jsonType(field: Field, value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') {
    return field.kind === 'enum' && Number.isInteger(value)
      ? 'a number outside its documented values'
      : 'a number';
  }
  if (typeof value === 'object') return 'an object';
  return typeof value === 'boolean' ? 'true/false' : `a ${typeof value}`;
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
