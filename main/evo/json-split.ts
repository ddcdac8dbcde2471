// Finds, without parsing, where each call of a `GET /sessions/my` answer lies in its bytes, so
// a poll can parse only the calls whose bytes changed since the last one. It only locates:
// every byte range it returns is still parsed by JSON.parse before use (or is byte for byte one
// that was), and the envelope around the list is parsed too, so an answer that is not JSON is
// refused exactly as before. Anything unusual (no list, the key twice, an escaped key, a
// structure it cannot follow) returns null and the caller parses the whole answer instead.

import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-bytes.js';

export interface SplitList {
  /**
   * Start and end (exclusive) of each element of the list, in order: [s0, e0, s1, e1, …]. A
   * typed array: 20,000 numbers pushed onto an Array cost some fifty times more (a large object,
   * copied as it grows).
   */
  ranges: Int32Array;
  /** Where the list itself (from `[` to `]`) lies, so the envelope can be checked without it. */
  listStart: number;
  listEnd: number;
}

/**
 * Says where the object element number `index`, starting at `start`, ends when its bytes are
 * those of an element already read (compared byte for byte), or -1. An object is
 * self-delimiting: bytes equal to a whole object are that whole object, so the scan may jump
 * over them.
 */
export type KnownElement = (index: number, start: number) => number;

/** The elements of the top-level `sessions` (or `Sessions`) array, or null to parse it whole. */
export function splitSessionList(
  bytes: Uint8Array,
  known?: KnownElement,
  /** How many elements to expect (the last answer's): room for them is made at once. */
  expected = 0,
): SplitList | null {
  const n = bytes.length;
  let pos = skipSpace(bytes, 0);
  if (bytes[pos] !== OPEN_BRACE) return null;
  pos = skipSpace(bytes, pos + 1);
  let found: SplitList | null = null;
  if (bytes[pos] === CLOSE_BRACE) return null; // no list at all: the whole parse says so
  for (;;) {
    if (bytes[pos] !== QUOTE) return null;
    const keyStart = pos + 1;
    const keyEnd = stringEnd(bytes, pos) - 1; // the closing quote
    if (keyEnd < keyStart) return null;
    pos = skipSpace(bytes, keyEnd + 1);
    if (bytes[pos] !== COLON) return null;
    pos = skipSpace(bytes, pos + 1);
    const key = keyKind(bytes, keyStart, keyEnd);
    if (key === 'escaped') return null;
    if (key === 'sessions') {
      if (found !== null || bytes[pos] !== OPEN_BRACKET) return null;
      const list = splitArray(bytes, pos, known, expected);
      if (list === null) return null;
      found = list;
      pos = list.listEnd;
    } else {
      pos = valueEnd(bytes, pos);
      if (pos < 0) return null;
    }
    pos = skipSpace(bytes, pos);
    if (bytes[pos] === COMMA) {
      pos = skipSpace(bytes, pos + 1);
      continue;
    }
    if (bytes[pos] !== CLOSE_BRACE) return null;
    pos = skipSpace(bytes, pos + 1);
    return pos === n ? found : null;
  }
}

function splitArray(
  bytes: Uint8Array,
  open: number,
  known: KnownElement | undefined,
  expected: number,
): SplitList | null {
  let ranges = new Int32Array(Math.max(16, 2 * expected + 2));
  let length = 0;
  let pos = skipSpace(bytes, open + 1);
  if (bytes[pos] === CLOSE_BRACKET) {
    return { ranges: ranges.subarray(0, 0), listStart: open, listEnd: pos + 1 };
  }
  for (;;) {
    const seen = known !== undefined && bytes[pos] === OPEN_BRACE ? known(length / 2, pos) : -1;
    const end = seen > pos ? seen : valueEnd(bytes, pos);
    if (end < 0) return null;
    if (length === ranges.length) {
      const grown = new Int32Array(2 * ranges.length);
      grown.set(ranges);
      ranges = grown;
    }
    ranges[length++] = pos;
    ranges[length++] = end;
    pos = skipSpace(bytes, end);
    if (bytes[pos] === COMMA) {
      pos = skipSpace(bytes, pos + 1);
      continue;
    }
    if (bytes[pos] !== CLOSE_BRACKET) return null;
    return { ranges: ranges.subarray(0, length), listStart: open, listEnd: pos + 1 };
  }
}

/** The end (exclusive) of the value at `pos`, or -1. Brackets are counted, not matched: JSON.parse checks. */
export function valueEnd(bytes: Uint8Array, pos: number): number {
  const n = bytes.length;
  const first = bytes[pos];
  if (first === undefined) return -1;
  if (first === QUOTE) return stringEnd(bytes, pos);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let i = pos; i < n; i++) {
      const c = bytes[i] as number;
      if (c === QUOTE) {
        i = stringEnd(bytes, i) - 1;
        if (i < 0) return -1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  // A number or a literal: up to the next separator or space.
  let i = pos;
  while (i < n) {
    const c = bytes[i] as number;
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c <= 0x20) break;
    i++;
  }
  return i === pos ? -1 : i;
}

/** The end (exclusive, after the closing quote) of the string opening at `pos`, or -1. */
export function stringEnd(bytes: Uint8Array, pos: number): number {
  const n = bytes.length;
  let i = pos + 1;
  while (i < n) {
    const c = bytes[i] as number;
    if (c === QUOTE) return i + 1;
    i += c === BACKSLASH ? 2 : 1;
  }
  return -1;
}

export function skipSpace(bytes: Uint8Array, pos: number): number {
  let i = pos;
  for (;;) {
    const c = bytes[i];
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else return i;
  }
}

const SESSIONS = [0x73, 0x65, 0x73, 0x73, 0x69, 0x6f, 0x6e, 0x73]; // "sessions"

function keyKind(bytes: Uint8Array, start: number, end: number): 'sessions' | 'other' | 'escaped' {
  for (let i = start; i < end; i++) if (bytes[i] === BACKSLASH) return 'escaped';
  if (end - start !== SESSIONS.length) return 'other';
  // "sessions" or "Sessions", as readKey takes them.
  const head = bytes[start];
  if (head !== 0x73 && head !== 0x53) return 'other';
  for (let i = 1; i < SESSIONS.length; i++) if (bytes[start + i] !== SESSIONS[i]) return 'other';
  return 'sessions';
}
