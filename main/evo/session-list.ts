// Reads `GET /sessions/my` answers poll after poll, reusing what the last poll already read.
//
// How a call's content is told unchanged, cheaply and safely: by its bytes. The answer's bytes
// identical to the last answer's → the last list, with nothing decoded or parsed. Otherwise the
// list is split into its calls without parsing (json-split.ts), and a call whose bytes are
// identical to the same call's bytes in the last answer gets the Session read from them then;
// only the calls whose bytes differ are decoded, parsed and normalized. Equal bytes are the
// same JSON, so the same Session: nothing is guessed. Calls are matched by position, allowing
// for one call added or removed before them; a call that moved further is simply read again.
import type { DroppedField } from './field-table.js';
import { normalizeSession, normalizeSessions } from './normalize.js';
import { splitSessionList } from './json-split.js';
import { decode, notJson, parseJson, type BodyBytes } from './request.js';
import type { Session } from '../boundary/session.js';

export interface SessionListReader {
  /** A buffer to read the next answer into (the one before last), or null. */
  takeSpare(): Buffer | null;
  /** The calls of one answer; its bytes must stay untouched until the next read. */
  read(body: BodyBytes): Session[];
}

interface LastAnswer {
  body: BodyBytes;
  /** The calls as listed (deduplicated). */
  list: Session[];
  /** Element byte ranges and what each read to; null when the answer was parsed whole. */
  ranges: number[] | null;
  results: (Session | null)[];
}

/** A buffer this much larger than its answer is not kept for the next one. */
const SHRINK_FACTOR = 4;
const KEEP_ANYWAY_BYTES = 1024 * 1024;

/** `dropped` hears of each field left behind for its type (the client logs it once). */
export function createSessionListReader(dropped?: DroppedField): SessionListReader {
  let last: LastAnswer | null = null;
  let spare: Buffer | null = null;

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
      // The buffer of the answer before last is free now: the next read fills it.
      if (before !== null && before.body.store !== body.store && worthKeeping(before.body)) {
        spare = before.body.store;
      }
      return next.list.slice();
    },
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
    return { ...last, body };
  }
  // Calls whose bytes are those of a call of the last answer, matched as the split goes.
  const reused: (Session | null | undefined)[] = [];
  const lastBytes = last?.ranges ? last.body.store : null;
  const lastRanges = last?.ranges ?? [];
  let j = 0; // the element of the last answer expected next
  const known = (index: number, start: number): number => {
    if (lastBytes === null) return -1;
    for (let ahead = 0; ahead <= 1; ahead++) {
      const at = 2 * (j + ahead);
      if (at >= lastRanges.length) break;
      const from = lastRanges[at] as number;
      const to = lastRanges[at + 1] as number;
      const end = start + (to - from);
      if (end <= bytes.length && sameBytes(bytes, start, end, lastBytes, from, to)) {
        reused[index] = last?.results[j + ahead] ?? null;
        j += ahead + 1;
        return end;
      }
    }
    return -1;
  };
  const split = splitSessionList(bytes, known);
  if (split === null) {
    return {
      body,
      list: normalizeSessions(parseJson(decode(body)), dropped),
      ranges: null,
      results: [],
    };
  }
  // The envelope around the list is parsed too, so an answer that is not JSON is refused.
  const envelope = `${bytes.toString('utf8', 0, split.listStart)}[]${bytes.toString('utf8', split.listEnd)}`;
  strictParse(envelope);

  const results: (Session | null)[] = [];
  for (let k = 0; k < split.ranges.length; k += 2) {
    const index = k / 2;
    const again = reused[index];
    if (again !== undefined) {
      results.push(again);
      continue;
    }
    const text = bytes.toString('utf8', split.ranges[k], split.ranges[k + 1]);
    results.push(normalizeSession(strictParse(text), dropped));
  }
  return { body, list: firstOfEach(results), ranges: split.ranges, results };
}

function strictParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}

/** A session listed twice is kept once (the first), as normalizeSessions does. */
function firstOfEach(results: readonly (Session | null)[]): Session[] {
  const seen = new Set<string>();
  const list: Session[] = [];
  for (const session of results) {
    if (session === null || seen.has(session.id)) continue;
    seen.add(session.id);
    list.push(session);
  }
  return list;
}

function sameBytes(
  a: Buffer,
  aStart: number,
  aEnd: number,
  b: Buffer,
  bStart: number,
  bEnd: number,
): boolean {
  return aEnd - aStart === bEnd - bStart && a.compare(b, bStart, bEnd, aStart, aEnd) === 0;
}
