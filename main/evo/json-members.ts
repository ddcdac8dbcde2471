// Finds, without parsing, the members of one JSON object (or the items of one array) in its
// bytes, so a call that changed can be compared with its last version member by member. Like
// json-split.ts it only locates: a member whose bytes differ is still parsed by JSON.parse, and
// one whose bytes are equal is byte for byte one that was. Anything unusual (an escaped key, a
// structure it cannot follow) says so, and the caller reads the whole call instead.
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
import { skipSpace, stringEnd, valueEnd } from './json-split.js';

/**
 * The members of one object, reused from scan to scan (no allocation once grown): member i's
 * key lies in [keyStart, keyEnd) without its quotes, its value in [valueStart, valueEnd).
 */
export class MemberScan {
  offsets = new Int32Array(4 * 64);
  count = 0;
  /** Just after the object's closing brace. */
  end = -1;

  keyStart(i: number): number {
    return this.offsets[4 * i] as number;
  }
  keyEnd(i: number): number {
    return this.offsets[4 * i + 1] as number;
  }
  valueStart(i: number): number {
    return this.offsets[4 * i + 2] as number;
  }
  valueEnd(i: number): number {
    return this.offsets[4 * i + 3] as number;
  }

  /** Scans the object opening at `open`; false for anything it does not follow. */
  scan(bytes: Uint8Array, open: number): boolean {
    this.count = 0;
    this.end = -1;
    if (bytes[open] !== OPEN_BRACE) return false;
    let pos = skipSpace(bytes, open + 1);
    if (bytes[pos] === CLOSE_BRACE) {
      this.end = pos + 1;
      return true;
    }
    for (;;) {
      if (bytes[pos] !== QUOTE) return false;
      const keyEnd = stringEnd(bytes, pos) - 1;
      if (keyEnd <= pos) return false;
      for (let i = pos + 1; i < keyEnd; i++) if (bytes[i] === BACKSLASH) return false;
      const keyStart = pos + 1;
      pos = skipSpace(bytes, keyEnd + 1);
      if (bytes[pos] !== COLON) return false;
      const valueStart = skipSpace(bytes, pos + 1);
      const end = valueEnd(bytes, valueStart);
      if (end < 0) return false;
      this.push(keyStart, keyEnd, valueStart, end);
      pos = skipSpace(bytes, end);
      if (bytes[pos] === COMMA) {
        pos = skipSpace(bytes, pos + 1);
        continue;
      }
      if (bytes[pos] !== CLOSE_BRACE) return false;
      this.end = pos + 1;
      return true;
    }
  }

  private push(keyStart: number, keyEnd: number, valueStart: number, end: number): void {
    const at = 4 * this.count;
    if (at + 4 > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[at] = keyStart;
    this.offsets[at + 1] = keyEnd;
    this.offsets[at + 2] = valueStart;
    this.offsets[at + 3] = end;
    this.count++;
  }
}

/** The items of the array in [open, end): [s0, e0, s1, e1, …], or null for anything unusual. */
export function scanItems(bytes: Uint8Array, open: number, end: number): number[] | null {
  const ranges = scanArray(bytes, open);
  if (ranges === null || ranges.pop() !== end) return null;
  return ranges;
}

/**
 * The items of the array opening at `open`, and then its end: [s0, e0, s1, e1, …, end], or null
 * for anything unusual. One scan finds both, where valueEnd and scanItems would make two.
 */
export function scanArray(bytes: Uint8Array, open: number): number[] | null {
  if (bytes[open] !== OPEN_BRACKET) return null;
  const ranges: number[] = [];
  let pos = skipSpace(bytes, open + 1);
  if (bytes[pos] === CLOSE_BRACKET) {
    ranges.push(pos + 1);
    return ranges;
  }
  for (;;) {
    const itemEnd = valueEnd(bytes, pos);
    if (itemEnd < 0) return null;
    ranges.push(pos, itemEnd);
    pos = skipSpace(bytes, itemEnd);
    if (bytes[pos] === COMMA) {
      pos = skipSpace(bytes, pos + 1);
      continue;
    }
    if (bytes[pos] !== CLOSE_BRACKET) return null;
    ranges.push(pos + 1);
    return ranges;
  }
}

/** Whether bytes [aStart, aEnd) of a equal bytes [bStart, bEnd) of b. */
export function sameBytes(
  a: Buffer,
  aStart: number,
  aEnd: number,
  b: Buffer,
  bStart: number,
  bEnd: number,
): boolean {
  const length = aEnd - aStart;
  if (length !== bEnd - bStart) return false;
  // Most members are short: a loop costs less than a call into Buffer.compare.
  if (length > SHORT) return a.compare(b, bStart, bEnd, aStart, aEnd) === 0;
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

const SHORT = 48;
