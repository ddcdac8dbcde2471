// Reads `GET /sessions/my` answers poll after poll, reusing what the last poll already read.
//
// How a call's content is told unchanged, cheaply and safely: by its bytes. The answer's bytes
// identical to the last answer's → the last list, with nothing decoded or parsed. Otherwise the
// list is split into its calls without parsing (json-split.ts), and each call is matched with
// the last answer's call of the same id (read from its bytes, never by parsing; the call at the
// same place is tried first): bytes identical → the Session read from them then; bytes changed
// → only its members that changed are parsed (session-patch.ts); no match → decoded, parsed and
// normalized whole. Equal bytes are the same JSON, so the same Session: nothing is guessed, and
// the id only says which call to compare with, so a wrong guess costs time, never correctness.
// A reordered answer therefore costs about what an identical one does.
import { IdTable, idNumber, leadingIdKey, scannedIdKey } from './call-id.js';
import type { DroppedField } from './field-table.js';
import { MemberScan, sameBytes } from './json-members.js';
import { splitSessionList } from './json-split.js';
import { normalizeSession, normalizeSessions } from './normalize.js';
import { decode, notJson, parseJson, type BodyBytes } from './request.js';
import { offsetsOf, patchSession, type MemberOffsets } from './session-patch.js';
import type { Session } from '../boundary/session.js';

export interface SessionListReader {
  /** A buffer to read the next answer into (the one before last), or null. */
  takeSpare(): Buffer | null;
  /** The calls of one answer; its bytes must stay untouched until the next read. */
  read(body: BodyBytes): Session[];
  /**
   * When the last answer held exactly the calls of the one before, byte for byte, only in
   * another order: the very Session objects, in the order they were read in (the answer that
   * first listed them in that order). Null otherwise.
   */
  earlierOrder(): readonly Session[] | null;
}

/** What one answer read to, kept for the next: compact, one slot per element of its list. */
interface LastAnswer {
  body: BodyBytes;
  /** The calls as listed (deduplicated). */
  list: Session[];
  /**
   * The same calls in the order they were read in: `list`, or for an answer that only
   * reordered the last one, that one's `order` (where its Sessions lie in memory, nearly).
   */
  order: readonly Session[];
  /** Element byte ranges, [s0, e0, s1, e1, …]; null when the answer was parsed whole. */
  ranges: Int32Array | null;
  /** What each element read to, and the number of its Session's id (idNumber). */
  results: (Session | null)[];
  ids: (number | undefined)[];
  /** What patching it takes, once it changed; kept along while its bytes stay. */
  details: (PatchDetail | undefined)[];
  /** The element of each id, built only when a call is not where it was. */
  byId: IdTable | null;
  /**
   * Its list is the last answer's, the same Sessions in another order: every element matched
   * one of the last answer's by equal bytes, neither answer lists a call twice, and the counts
   * agree, so the elements map one to one (distinct ids, distinct Sessions).
   */
  reordered: boolean;
}

/**
 * One array of these, not one per field: an answer that moved its calls reads each element's
 * from a random place, and each array read there is a cache miss.
 */
interface PatchDetail {
  /** Where its members lie (session-patch.ts); null: not to be patched, read it whole. */
  members: MemberOffsets | null;
  /** The members that differed when it last changed: compared first when it changes again. */
  changed: readonly number[] | undefined;
}

/** A buffer this much larger than its answer is not kept for the next one. */
const SHRINK_FACTOR = 4;
const KEEP_ANYWAY_BYTES = 1024 * 1024;

/** `dropped` hears of each field left behind for its type (the client logs it once). */
export function createSessionListReader(dropped?: DroppedField): SessionListReader {
  let last: LastAnswer | null = null;
  let spare: Buffer | null = null;
  let earlier: readonly Session[] | null = null;

  return {
    takeSpare() {
      const taken = spare;
      spare = null;
      return taken;
    },
    read(body) {
      const before = last;
      const next = readAnswer(body, before, dropped);
      last = next;
      earlier = next.reordered ? next.order : null;
      // The buffer of the answer before last is free now: the next read fills it.
      if (before !== null && before.body.store !== body.store && worthKeeping(before.body)) {
        spare = before.body.store;
      }
      return next.list.slice();
    },
    earlierOrder: () => earlier,
  };
}

function worthKeeping(body: BodyBytes): boolean {
  const size = body.store.length;
  return size <= KEEP_ANYWAY_BYTES || size <= body.length * SHRINK_FACTOR;
}

/** Reused scans: of an element whose id is not its first member, of a last version. */
const scan = new MemberScan();
const beforeScan = new MemberScan();

function readAnswer(
  body: BodyBytes,
  last: LastAnswer | null,
  dropped: DroppedField | undefined,
): LastAnswer {
  const bytes = body.store.subarray(0, body.length);
  if (last !== null && sameBytes(bytes, 0, body.length, last.body.store, 0, last.body.length)) {
    return { ...last, body, reordered: false };
  }
  const results: (Session | null | undefined)[] = [];
  const ids: (number | undefined)[] = [];
  const details: (PatchDetail | undefined)[] = [];
  const matcher = last?.ranges ? new Matcher(last, last.ranges, dropped) : null;
  const known = (index: number, start: number): number => {
    if (matcher === null) return -1;
    const end = matcher.match(bytes, start);
    if (end > 0) {
      results[index] = matcher.result;
      ids[index] = matcher.id;
      details[index] = matcher.detail;
    }
    return end;
  };
  const split = splitSessionList(bytes, known, last?.results.length ?? 0);
  if (split === null) {
    const list = normalizeSessions(parseJson(decode(body)), dropped);
    return {
      body,
      list,
      order: list,
      ranges: null,
      results: [],
      ids: [],
      details: [],
      byId: null,
      reordered: false,
    };
  }
  // The envelope around the list is parsed too, so an answer that is not JSON is refused.
  const envelope = `${bytes.toString('utf8', 0, split.listStart)}[]${bytes.toString('utf8', split.listEnd)}`;
  strictParse(envelope);

  const count = split.ranges.length / 2;
  results.length = count;
  for (let index = 0; index < count; index++) {
    if (results[index] !== undefined) continue;
    const text = bytes.toString('utf8', split.ranges[2 * index], split.ranges[2 * index + 1]);
    const session = normalizeSession(strictParse(text), dropped);
    results[index] = session;
    ids[index] = session === null ? undefined : idNumber(session.id);
  }
  // Every element is read now.
  const read = results as (Session | null)[];
  ids.length = count;
  details.length = count;
  // Built for telling repeated calls apart, and kept for finding calls in the next answer.
  const byId = new IdTable(ids);
  const list = firstOfEach(read, ids, byId);
  const reordered =
    matcher !== null &&
    matcher.exact === count &&
    list.length === count &&
    last !== null &&
    last.list.length === last.results.length &&
    last.results.length === count;
  return {
    body,
    list,
    order: reordered ? last.order : list,
    ranges: split.ranges,
    results: read,
    ids,
    details,
    byId,
    reordered,
  };
}

/**
 * Matches the elements of a new answer, one after the other, with the last answer's. `match`
 * gives the end of the element at `start` when it read it from the last answer (its Session in
 * `result`), or -1 to have it read whole.
 */
class Matcher {
  result: Session | null = null;
  id: number | undefined = undefined;
  detail: PatchDetail | undefined = undefined;
  /** How many elements were the bytes of one of the last answer's. */
  exact = 0;
  /** The element of the last answer expected next, when calls keep their order. */
  private next = 0;

  constructor(
    private readonly last: LastAnswer,
    private readonly ranges: Int32Array,
    private readonly dropped: DroppedField | undefined,
  ) {}

  match(bytes: Buffer, start: number): number {
    // By its id, read from its first member when that is the id (as Evo Voice sends it): a
    // call that stayed or only moved costs a lookup and one compare, no scan.
    const lead = leadingIdKey(bytes, start);
    let at = -1;
    if (lead !== undefined) {
      at = this.elementOf(lead);
      if (at < 0) return -1; // a new call
      this.next = at + 1; // the calls after it most likely follow it as they did
      const end = this.sameAs(at, bytes, start, lead);
      if (end > 0) return end;
    } else {
      // Where it was, or one further for a call removed before it: compared as it comes.
      for (let ahead = 0; ahead <= 1; ahead++) {
        const end = this.sameAs(this.next + ahead, bytes, start, undefined);
        if (end > 0) {
          this.next += ahead + 1;
          return end;
        }
      }
    }
    // Its bytes changed. Its id, when not its first member, is found by scanning it.
    let id = lead;
    if (id === undefined) {
      id = scan.scan(bytes, start) ? scannedIdKey(bytes, scan) : undefined;
      at = id === undefined ? -1 : this.elementOf(id);
      if (at < 0) return -1;
      this.next = at + 1;
    }
    const was = this.last.results[at];
    if (was === null || was === undefined) return -1;
    const before = this.last.body.store;
    const from = this.ranges[2 * at] as number;
    let detail = this.last.details[at];
    if (detail === undefined) {
      // Its first change: the last version is scanned once, then its offsets follow it.
      const members = beforeScan.scan(before, from) ? offsetsOf(before, from, beforeScan) : null;
      detail = { members, changed: undefined };
      this.last.details[at] = detail;
    }
    if (detail.members === null) return -1;
    const { members, changed } = detail;
    const patched = patchSession(before, from, members, was, bytes, start, this.dropped, changed);
    if (patched === null) return -1;
    this.result = patched.session;
    this.id = idNumber(patched.session.id);
    this.detail = { members: patched.offsets, changed: patched.changed };
    return patched.end;
  }

  /**
   * The end of the element at `start` when its bytes are those of the last answer's `at`
   * (whose id number is `id` when already known: one array less to read from).
   */
  private sameAs(at: number, bytes: Buffer, start: number, id: number | undefined): number {
    const from = this.ranges[2 * at];
    const to = this.ranges[2 * at + 1];
    if (from === undefined || to === undefined) return -1;
    const end = start + (to - from);
    if (end > bytes.length || !sameBytes(bytes, start, end, this.last.body.store, from, to)) {
      return -1;
    }
    this.result = this.last.results[at] ?? null;
    this.id = id ?? this.last.ids[at];
    this.detail = this.last.details[at];
    this.exact++;
    return end;
  }

  private elementOf(id: number): number {
    if (this.last.ids[this.next] === id) return this.next;
    this.last.byId ??= new IdTable(this.last.ids);
    return this.last.byId.elementOf(id);
  }
}

function strictParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}

/**
 * A session listed twice is kept once (the first), as normalizeSessions does. Told by the id
 * numbers (`byId` has each element whose number an earlier one has), so no string is hashed
 * per call; two ids that only share a number fall back to comparing every id.
 */
function firstOfEach(
  results: readonly (Session | null)[],
  ids: readonly (number | undefined)[],
  byId: IdTable,
): Session[] {
  const repeats = byId.repeats;
  let next = 0;
  const list: Session[] = [];
  for (let k = 0; k < results.length; k++) {
    const session = results[k];
    if (session === null || session === undefined) continue;
    if (ids[k] === undefined) return firstOfEachById(results);
    if (repeats[next] === k) {
      const first = results[repeats[next + 1] as number];
      next += 2;
      if (first?.id === session.id) continue;
      return firstOfEachById(results);
    }
    list.push(session);
  }
  return list;
}

function firstOfEachById(results: readonly (Session | null)[]): Session[] {
  const seen = new Set<string>();
  const list: Session[] = [];
  for (const session of results) {
    if (session === null || seen.has(session.id)) continue;
    seen.add(session.id);
    list.push(session);
  }
  return list;
}
