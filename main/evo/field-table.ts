// Reads an untrusted JSON object through a table of known fields, so the output holds only the
// fields the table names, each with the type the table says. Anything else is left behind.
//
// A table is compiled once into a lookup from every key the server may send (camelCase and its
// PascalCase twin) to the field it fills. Reading an object is then one pass over its own keys:
// no key is built per read, a casing the server does not use costs nothing, and the common
// cases (a string, a known enum value in its documented casing) allocate nothing.
import { isRecord } from '../boundary/records.js';

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
 * Told when a field the table names came with a type it cannot hold, so the field was left
 * behind (null counts as absent). `field` is the table's own name, after the list it came in
 * (`members.callState`), and `type` the JSON type sent: never the value, which may be private.
 */
export type DroppedField = (field: string, type: string) => void;

/** Keys that must never be written into an object, whatever the server sends. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The value of `name` (camelCase) or its PascalCase twin, own properties only. */
export function readKey(raw: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(raw, name)) return raw[name];
  const pascal = pascalOf(name);
  return Object.hasOwn(raw, pascal) ? raw[pascal] : undefined;
}

/**
 * Builds a T from the table's fields only; a field of the wrong type is dropped (and told to
 * `dropped`, if given: that work is done only on that path, so a good answer costs nothing).
 */
export function readFields<T extends object>(
  table: FieldTable<T>,
  raw: Record<string, unknown>,
  dropped?: DroppedField,
  /** The list field this object came in (`members`), for the drop report only. */
  parent?: string,
): T {
  const reader = compiled(table);
  const out: Record<string, unknown> = {};
  // Own enumerable keys only (a polluted prototype adds nothing), each looked up once.
  for (const key of Object.keys(raw)) {
    const slot = reader.get(key);
    if (slot === undefined) continue;
    // A PascalCase key yields to its camelCase twin, present or not of the right type.
    if (slot.pascal && Object.hasOwn(raw, slot.name)) continue;
    const value = readSlot(slot, raw[key], dropped, parent);
    if (value !== undefined) out[slot.name] = value;
  }
  // Sound by construction: every key written is a key of T, read with the table's type.
  return out as T;
}

/** The field a key sent fills (either casing), or undefined when the table has no such field. */
export function slotOf(table: FieldTable<object>, key: string): Slot | undefined {
  return compiled(table).get(key);
}

/**
 * One field's value as readFields reads it, a drop told as readFields tells it: so a reader
 * that reads an object member by member (evo/session-patch.ts) gives what readFields gives.
 */
export function readSlot(
  slot: Slot,
  sent: unknown,
  dropped: DroppedField | undefined,
  parent?: string,
): unknown {
  const value = readValue(slot, sent, dropped);
  if (value === undefined && dropped !== undefined && sent !== null && sent !== undefined) {
    const name = parent === undefined ? slot.name : `${parent}.${slot.name}`;
    dropped(name, jsonType(slot.field, sent));
  }
  return value;
}

export interface Slot {
  /** The field's name in the output (camelCase). */
  readonly name: string;
  /** True when this slot is reached by the PascalCase twin. */
  readonly pascal: boolean;
  readonly field: Field;
  /** For an enum: each known value by itself and by its lower case, to the documented form. */
  readonly known: ReadonlyMap<string, string> | null;
}

const readers = new WeakMap<object, ReadonlyMap<string, Slot>>();

function compiled(table: FieldTable<object>): ReadonlyMap<string, Slot> {
  let reader = readers.get(table);
  if (reader === undefined) {
    const slots = new Map<string, Slot>();
    for (const [name, field] of Object.entries(table) as [string, Field][]) {
      const known = field.kind === 'enum' ? knownValues(field.values) : null;
      slots.set(name, { name, pascal: false, field, known });
      const pascal = pascalOf(name);
      if (pascal !== name) slots.set(pascal, { name, pascal: true, field, known });
    }
    reader = slots;
    readers.set(table, reader);
  }
  return reader;
}

function knownValues(values: readonly string[]): ReadonlyMap<string, string> {
  const known = new Map<string, string>();
  for (const value of values) known.set(value.toLowerCase(), value);
  for (const value of values) known.set(value, value);
  return known;
}

function readValue(slot: Slot, value: unknown, dropped: DroppedField | undefined): unknown {
  const field = slot.field;
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'enum':
      if (typeof value !== 'string') return enumByNumber(field.values, value);
      return slot.known?.get(value) ?? canonicalEnum(field.values, value);
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'list-of-string':
      return Array.isArray(value) ? stringsOf(value) : undefined;
    case 'list':
      return Array.isArray(value) ? recordsOf(field.of, value, dropped, slot.name) : undefined;
    case 'dictionary':
      return readDictionary(value);
  }
}

/**
 * A known value in another case ("ringing", "RINGING") is written as documented ("Ringing"),
 * so a server that changes its enum casing cannot silence a ring; an unknown value is kept as
 * sent. Reached only when the value is neither documented nor all lower case.
 */
function canonicalEnum(values: readonly string[], value: string): string {
  const lower = value.toLowerCase();
  return values.find((known) => known.toLowerCase() === lower) ?? value;
}

function stringsOf(items: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const item of items) if (typeof item === 'string') out.push(item);
  return out;
}

function recordsOf(
  table: FieldTable<object>,
  items: readonly unknown[],
  dropped: DroppedField | undefined,
  parent: string,
): object[] {
  const out: object[] = [];
  for (const item of items) if (isRecord(item)) out.push(readFields(table, item, dropped, parent));
  return out;
}

/**
 * ServiceStack's `TreatEnumAsInteger` sends an enum as its index in the documented order
 * (shared/evo-voice-api.md); any other number is not a value this app knows.
 */
function enumByNumber(values: readonly string[], value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? values[value] : undefined;
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
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (typeof item === 'string' && !HOSTILE_KEYS.has(key)) out[key] = item;
  }
  return out;
}

function pascalOf(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
