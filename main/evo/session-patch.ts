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
import { MemberScan, sameBytes, sameKeys, scanItems } from './json-members.js';
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

/** Reused scan of the last version: re-scanned only for a call that changed. */
const beforeScan = new MemberScan();

/**
 * The new version read from the last one, or null to read it whole. `patchability` of the
 * result is PATCHABLE: its keys are those of the last version.
 */
export function patchSession(input: PatchInput, dropped: DroppedField | undefined): Session | null {
  const { before, now, nowScan } = input;
  if (input.patchability === NOT_PATCHABLE) return null;
  if (!beforeScan.scan(before, input.beforeStart)) return null;
  if (!sameKeys(before, beforeScan, now, nowScan)) return null;
  if (input.patchability === UNCHECKED && !fieldsOnce(before, beforeScan)) return null;
  const last = input.last as unknown as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (let i = 0; i < nowScan.count; i++) {
    const from = nowScan.valueStart(i);
    const to = nowScan.valueEnd(i);
    const wasFrom = beforeScan.valueStart(i);
    const wasTo = beforeScan.valueEnd(i);
    if (sameBytes(now, from, to, before, wasFrom, wasTo)) continue;
    const slot = slotOf(
      sessionFields,
      now.toString('latin1', nowScan.keyStart(i), nowScan.keyEnd(i)),
    );
    const kept = slot === undefined ? undefined : last[slot.name];
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
      if (sent === FAILED) return null;
      if (slot === undefined) continue; // a member the table does not name: checked as JSON
      value = readSlot(slot, sent, dropped);
    }
    if (slot === undefined || (value === undefined) !== (kept === undefined)) return null;
    if (value === undefined) continue;
    out ??= { ...last };
    out[slot.name] = value;
  }
  // Only the bytes between members changed (spaces): the same call.
  const session = (out ?? last) as unknown as Session;
  return typeof session.id === 'string' && session.id.trim() !== '' ? session : null;
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
