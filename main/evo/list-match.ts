// Matching a new answer's calls with the last answer's (session-list.ts reads answers with it):
// what the last answer read to, kept compact for the next, and the matcher that finds each new
// element's call by its id and tells, by comparing bytes, whether it is unchanged, changed (then
// patched member by member, session-patch.ts) or new (-1: read whole).
import { IdTable, idNumber, leadingIdKey, scannedIdKey } from './call-id.js';
import type { DroppedField } from './field-table.js';
import { MemberScan, sameBytes } from './json-members.js';
import type { BodyBytes } from './request.js';
import { offsetsOf, patchSession, type MemberOffsets } from './session-patch.js';
import type { Session } from '../boundary/session.js';

/** What one answer read to, kept for the next: compact, one slot per element of its list. */
export interface LastAnswer {
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
export interface PatchDetail {
  /** Where its members lie (session-patch.ts); null: not to be patched, read it whole. */
  members: MemberOffsets | null;
  /** The members that differed when it last changed: compared first when it changes again. */
  changed: readonly number[] | undefined;
}

/** Reused scans: of an element whose id is not its first member, of a last version. */
const scan = new MemberScan();
const beforeScan = new MemberScan();

/**
 * Matches the elements of a new answer, one after the other, with the last answer's. `match`
 * gives the end of the element at `start` when it read it from the last answer (its Session in
 * `result`), or -1 to have it read whole.
 */
export class Matcher {
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
