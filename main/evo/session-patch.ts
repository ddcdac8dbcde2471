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
//   last version keeps its object, and only the others are parsed (list-patch.ts);
// - anything else (a field appearing or vanishing because of its type, a value that does not
//   parse, an id no longer usable) returns null, and the caller reads the whole call.
import type { Session } from '../boundary/session.js';
import { readSlot, slotOf, type DroppedField } from './field-table.js';
import { sameBytes, scanArray, type MemberScan } from './json-members.js';
import { FAILED, parsed, patchList } from './list-patch.js';
import { valueEnd } from './json-split.js';
import { sessionFields } from './normalize.js';

/**
 * Where each member of a version lies, relative to the element's start: [keyStart, keyEnd,
 * valueStart, valueEnd] by member, then the element's length. Kept per call only once it has
 * changed, so a call that changes again is compared without scanning either version.
 */
export type MemberOffsets = readonly number[];

/** The offsets of a scanned version, or null when it may not be patched (a field named twice). */
export function offsetsOf(bytes: Buffer, start: number, scan: MemberScan): MemberOffsets | null {
  if (!fieldsOnce(bytes, scan)) return null;
  const offsets = new Array<number>(4 * scan.count + 1);
  for (let i = 0; i < scan.count; i++) {
    offsets[4 * i] = scan.keyStart(i) - start;
    offsets[4 * i + 1] = scan.keyEnd(i) - start;
    offsets[4 * i + 2] = scan.valueStart(i) - start;
    offsets[4 * i + 3] = scan.valueEnd(i) - start;
  }
  offsets[4 * scan.count] = scan.end - start;
  return offsets;
}

export interface Patched {
  session: Session;
  /** The new version's end in its answer, and its members' offsets. */
  end: number;
  offsets: MemberOffsets;
  /** The members that differed, in order: the next poll tries them first. */
  changed: readonly number[];
}

const SKIPPED = Symbol('skipped');

/**
 * The new version starting at `start` read from the last one, or null to read it whole. Only
 * compares and the members that differ are touched: the stretch still to check is compared
 * with the last version's whole; when it differs, the first member that differs is found by
 * halving (a handful of compares, done natively), measured in the new version, read, and the
 * check goes on after it, shifted by the difference in length. The members that changed last
 * time (`hints`, in order) are tried before halving: a busy call changes the same ones poll
 * after poll, and checking one costs a single compare of the stretch before it.
 */
export function patchSession(
  before: Buffer,
  beforeStart: number,
  offsets: MemberOffsets,
  last: Session,
  now: Buffer,
  start: number,
  dropped: DroppedField | undefined,
  hints: readonly number[] = [],
): Patched | null {
  const count = (offsets.length - 1) / 4;
  const length = offsets[4 * count] as number;
  const kept = last as unknown as Record<string, unknown>;
  let moved: number[] | null = null; // copied only when a member's length changes
  let out: Record<string, unknown> | null = null;
  const span: Span = { before, beforeStart, now, start, shift: 0 };
  let done = 0; // the last version's bytes before this offset are accounted for
  let next = 0; // the first member not accounted for
  let hinted = 0; // the hints tried so far
  changedNow.length = 0;
  // The caller found the versions differ: the first round looks for a member that differs.
  for (let first = true; ; first = false) {
    let low = -1;
    while (hinted < hints.length && low < 0) {
      const hint = hints[hinted++] as number;
      if (hint < next || hint >= count) continue;
      // The bytes before its value are the same: every member before it is, and its key.
      if (same(span, done, offsets[4 * hint + 2] as number)) low = hint;
      break;
    }
    if (low >= 0 && same(span, offsets[4 * low + 2] as number, offsets[4 * low + 3] as number)) {
      done = offsets[4 * low + 3] as number; // the hinted member did not change this time
      next = low + 1;
      continue;
    }
    if (low < 0) {
      if (!first && same(span, done, length)) break; // the rest is the same
      low = firstDiffering(span, offsets, done, next, count);
      if (low < 0) return null;
    }
    const valueStart = offsets[4 * low + 2] as number;
    if (!same(span, done, valueStart)) return null; // a key, or what lies between members
    const from = start + valueStart + span.shift;
    // A list is scanned once, for its items and its end (patchList compares its items).
    const items = now[from] === 0x5b ? scanArray(now, from) : null;
    const to = items === null ? valueEnd(now, from) : (items.pop() as number);
    if (to < 0) return null;
    const wasFrom = beforeStart + valueStart;
    const wasTo = beforeStart + (offsets[4 * low + 3] as number);
    const key = before.toString(
      'latin1',
      beforeStart + (offsets[4 * low] as number),
      beforeStart + (offsets[4 * low + 1] as number),
    );
    const read = readMember(key, kept, before, wasFrom, wasTo, now, from, to, items, dropped);
    if (read === FAILED) return null;
    if (read !== SKIPPED) {
      out ??= { ...kept };
      out[read.name] = read.value;
    }
    const shift = to - start - (wasTo - beforeStart);
    if (shift !== span.shift) {
      moved ??= offsets.slice();
      for (let k = 4 * low + 3; k < moved.length; k++) moved[k] = (offsets[k] as number) + shift;
      span.shift = shift;
    }
    done = offsets[4 * low + 3] as number;
    next = low + 1;
    changedNow.push(low);
  }
  // Only the bytes between members changed (spaces): the same call.
  const session = (out ?? kept) as unknown as Session;
  if (typeof session.id !== 'string' || session.id.trim() === '') return null;
  const changed = sameNumbers(changedNow, hints) ? hints : changedNow.slice();
  return { session, end: start + length + span.shift, offsets: moved ?? offsets, changed };
}

/** The members read by the patch under way (copied out only when not the hints). */
const changedNow: number[] = [];

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The first member from `next` up to whose value's end the bytes differ (its value, or its
 * key), found by halving; -1 when they differ only after the last member.
 */
function firstDiffering(
  span: Span,
  offsets: MemberOffsets,
  done: number,
  next: number,
  count: number,
): number {
  let low = next;
  let high = count - 1;
  if (high < low || same(span, done, offsets[4 * high + 3] as number)) return -1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (same(span, done, offsets[4 * middle + 3] as number)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The new version's bytes and the last one's, the new ones shifted by `shift` from here on. */
interface Span {
  before: Buffer;
  beforeStart: number;
  now: Buffer;
  start: number;
  shift: number;
}

/** Whether the last version's bytes [from, to) are, shifted, the new version's. */
function same(s: Span, from: number, to: number): boolean {
  const end = s.start + to + s.shift;
  return (
    end <= s.now.length &&
    sameBytes(
      s.now,
      s.start + from + s.shift,
      end,
      s.before,
      s.beforeStart + from,
      s.beforeStart + to,
    )
  );
}

/** A member that changed, read as readFields reads it; FAILED for anything to read whole. */
function readMember(
  key: string,
  kept: Record<string, unknown>,
  before: Buffer,
  wasFrom: number,
  wasTo: number,
  now: Buffer,
  from: number,
  to: number,
  items: number[] | null,
  dropped: DroppedField | undefined,
): { name: string; value: unknown } | typeof SKIPPED | typeof FAILED {
  const slot = slotOf(sessionFields, key);
  const was = slot === undefined ? undefined : kept[slot.name];
  let value: unknown = FAILED;
  if (slot !== undefined && slot.field.kind === 'list' && Array.isArray(was) && items !== null) {
    const list = { kept: was, before, wasFrom, wasTo, now, from, to, items };
    value = patchList(slot.field.of, slot.name, list, dropped);
  }
  if (value === FAILED) {
    const sent = parsed(now, from, to);
    if (sent === FAILED) return FAILED;
    if (slot === undefined) return SKIPPED; // a member the table does not name: checked as JSON
    value = readSlot(slot, sent, dropped);
  }
  // A field that appears or vanishes (its type changed) would move among the keys.
  if (slot === undefined || (value === undefined) !== (was === undefined)) return FAILED;
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
