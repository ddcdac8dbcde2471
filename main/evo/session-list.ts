// Reads `GET /sessions/my` answers poll after poll, reusing what the last poll already read.
//
// How a call's content is told unchanged, cheaply and safely: by its bytes. The answer's bytes
// identical to the last answer's → the last list, with nothing decoded or parsed. Otherwise the
// list is split into its calls without parsing (json-split.ts), and each call is matched with
// the last answer's call of the same id (read from its bytes, never by parsing; the call at the
// same place is tried first): bytes identical → the Session read from them then; bytes changed
// → only its members that changed are parsed (session-patch.ts); no match → decoded, parsed and
// normalized whole. Equal bytes are the same JSON, so the same Session: nothing is guessed, and
// the id only says which call to compare with, so a wrong guess costs time, never correctness
// (the matching: list-match.ts). An answer that only reordered the last one's calls is said so
// (earlierOrder), so the engine can visit them where they lie in memory.
import { IdTable, idNumber } from './call-id.js';
import type { DroppedField } from './field-table.js';
import { sameBytes } from './json-members.js';
import { Matcher, type LastAnswer, type PatchDetail } from './list-match.js';
import { splitSessionList } from './json-split.js';
import { normalizeSession, normalizeSessions } from './normalize.js';
import { decode, notJson, parseJson, type BodyBytes } from './request.js';
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
