// Reads a call whose bytes changed since the last poll by reading only the members that
// changed: a busy queue changes every call each poll, but only in a field or two (its
// dateLastModified, a new log line). The result is exactly normalizeSession(JSON.parse(element)):
// - the two versions must list the same keys, byte for byte, in the same order, with no key
//   escaped, and no field named twice (a duplicate key, or both casings of a field: which one
//   JSON.parse and readFields keep is then for them to say), so every field comes from the
//   same member in both;
// - a member with equal bytes is the same JSON, so the same field value: the last Session's is
//   kept; a member that differs is parsed and read through the very slot readFields uses;
// - in a list field (log, members, customerBreadcrumb) an item whose bytes equal an item of the
//   last version keeps its object, and only the others are parsed;
// - anything else (a field appearing or vanishing because of its type, a value that does not
//   parse, an id no longer usable) returns null, and the caller reads the whole call.
import { isRecord } from '../boundary/records.js';
import type { Session } from '../boundary/session.js';
import { readFields, readSlot, slotOf, type DroppedField, type FieldTable } from './field-table.js';
import { sameBytes, scanItems, type MemberScan } from './json-members.js';
import { skipSpace, valueEnd } from './json-split.js';
import { sessionFields } from './normalize.js';

/** What a call's version is known to be: not looked at yet, fit for patching, or not. */
export const UNCHECKED = 0;
export const PATCHABLE = 1;
export const NOT_PATCHABLE = 2;
export type Patchability = typeof UNCHECKED | typeof PATCHABLE | typeof NOT_PATCHABLE;

const FAILED = Symbol('failed');

export interface PatchInput {
  /** The last version: its bytes, its start, what it read to, and whether it may be patched. */
  before: Buffer;
  beforeStart: number;
  last: Session;
  patchability: Patchability;
  /** The new version, already scanned. */
  now: Buffer;
  nowScan: MemberScan;
}

/**
 * The new version read from the last one, or null to read it whole. The last version is not
 * scanned: it is walked in step with the new one's members, and only a value that differs is
 * measured (its bytes are valid JSON: they were parsed, or equal bytes that were).
 */
export function patchSession(input: PatchInput, dropped: DroppedField | undefined): Session | null {
  const { before, now, nowScan } = input;
  if (input.patchability === NOT_PATCHABLE) return null;
  if (input.patchability === UNCHECKED && !fieldsOnce(now, nowScan)) return null;
  const last = input.last as unknown as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  let at = skipSpace(before, input.beforeStart + 1);
  for (let i = 0; i < nowScan.count; i++) {
    // The same key, byte for byte, in the same place of the list of members.
    const keyStart = nowScan.keyStart(i);
    const keyLength = nowScan.keyEnd(i) - keyStart;
    if (before[at] !== QUOTE || before[at + keyLength + 1] !== QUOTE) return null;
    if (!sameBytes(now, keyStart, keyStart + keyLength, before, at + 1, at + keyLength + 1)) {
      return null;
    }
    at = skipSpace(before, at + keyLength + 2);
    if (before[at] !== COLON) return null;
    const wasFrom = skipSpace(before, at + 1);
    const from = nowScan.valueStart(i);
    const to = nowScan.valueEnd(i);
    // Equal bytes that end where a value ends are that whole value (json-members.ts).
    const sameEnd = wasFrom + (to - from);
    let wasTo = sameEnd;
    if (!endsValue(before[sameEnd]) || !sameBytes(now, from, to, before, wasFrom, sameEnd)) {
      wasTo = valueEnd(before, wasFrom);
      if (wasTo < 0) return null;
      const read = readMember(input, i, from, to, wasFrom, wasTo, dropped);
      if (read === FAILED) return null;
      if (read !== SKIPPED) {
        out ??= { ...last };
        out[read.name] = read.value;
      }
    }
    at = skipSpace(before, wasTo);
    if (before[at] === COMMA) at = skipSpace(before, at + 1);
    else if (before[at] !== CLOSE_BRACE || i !== nowScan.count - 1) return null;
  }
  // The last version has no member more.
  if (before[at] !== CLOSE_BRACE) return null;
  // Only the bytes between members changed (spaces): the same call.
  const session = (out ?? last) as unknown as Session;
  return typeof session.id === 'string' && session.id.trim() !== '' ? session : null;
}

const QUOTE = 0x22;
const COLON = 0x3a;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;

/** A byte that may follow a value: where valueEnd stops a number or a literal. */
function endsValue(byte: number | undefined): boolean {
  return (
    byte === COMMA || byte === CLOSE_BRACE || byte === 0x5d || (byte !== undefined && byte <= 0x20)
  );
}

const SKIPPED = Symbol('skipped');

/** A member that changed, read as readFields reads it; FAILED for anything to read whole. */
function readMember(
  input: PatchInput,
  i: number,
  from: number,
  to: number,
  wasFrom: number,
  wasTo: number,
  dropped: DroppedField | undefined,
): { name: string; value: unknown } | typeof SKIPPED | typeof FAILED {
  const { before, now, nowScan } = input;
  const slot = slotOf(
    sessionFields,
    now.toString('latin1', nowScan.keyStart(i), nowScan.keyEnd(i)),
  );
  const kept =
    slot === undefined ? undefined : (input.last as unknown as Record<string, unknown>)[slot.name];
  let value: unknown = FAILED;
  if (slot !== undefined && slot.field.kind === 'list' && Array.isArray(kept)) {
    value = patchList(
      slot.field.of,
      slot.name,
      kept,
      before,
      wasFrom,
      wasTo,
      now,
      from,
      to,
      dropped,
    );
  }
  if (value === FAILED) {
    const sent = parsed(now, from, to);
    if (sent === FAILED) return FAILED;
    if (slot === undefined) return SKIPPED; // a member the table does not name: checked as JSON
    value = readSlot(slot, sent, dropped);
  }
  // A field that appears or vanishes (its type changed) would move among the keys.
  if (slot === undefined || (value === undefined) !== (kept === undefined)) return FAILED;
  return value === undefined ? SKIPPED : { name: slot.name, value };
}

/** No field named twice among the keys (a duplicate, or both casings of one field). */
function fieldsOnce(bytes: Buffer, scan: MemberScan): boolean {
  const named = new Set<string>();
  for (let i = 0; i < scan.count; i++) {
    const slot = slotOf(sessionFields, bytes.toString('latin1', scan.keyStart(i), scan.keyEnd(i)));
    if (slot === undefined) continue;
    if (named.has(slot.name)) return false;
    named.add(slot.name);
  }
  return true;
}

/**
 * A list field read item by item: an item whose bytes equal the item of the last version at
 * the same place (or the next one, for an item dropped before it) keeps its object. Only when
 * every item of the last version was an object, so its list maps item for item.
 */
function patchList(
  table: FieldTable<object>,
  parent: string,
  kept: readonly unknown[],
  before: Buffer,
  wasFrom: number,
  wasTo: number,
  now: Buffer,
  from: number,
  to: number,
  dropped: DroppedField | undefined,
): unknown[] | typeof FAILED {
  const old = scanItems(before, wasFrom, wasTo);
  const items = scanItems(now, from, to);
  if (old === null || items === null || old.length !== 2 * kept.length) return FAILED;
  for (let k = 0; k < old.length; k += 2) if (before[old[k] as number] !== 0x7b) return FAILED;
  const out: unknown[] = [];
  let j = 0; // the item of the last version expected next
  for (let k = 0; k < items.length; k += 2) {
    const start = items[k] as number;
    const end = items[k + 1] as number;
    let reused = false;
    for (let ahead = 0; ahead <= 1 && 2 * (j + ahead) < old.length; ahead++) {
      const at = 2 * (j + ahead);
      if (sameBytes(now, start, end, before, old[at] as number, old[at + 1] as number)) {
        out.push(kept[j + ahead]);
        j += ahead + 1;
        reused = true;
        break;
      }
    }
    if (reused) continue;
    const item = parsed(now, start, end);
    if (item === FAILED) return FAILED;
    if (isRecord(item)) out.push(readFields(table, item, dropped, parent));
  }
  return out;
}

function parsed(bytes: Buffer, from: number, to: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8', from, to)) as unknown;
  } catch {
    return FAILED;
  }
}
