// A call's id as its bytes say, without parsing, boiled down to a number: enough to find the
// same call in the last answer (session-list.ts), with no string made per call and poll. Two
// ids may share a number: that costs a compare that fails, never a wrong call, since a call is
// only ever reused for equal bytes or patched member by member from its compared bytes.
import { BACKSLASH, COLON, QUOTE } from './json-bytes.js';
import type { MemberScan } from './json-members.js';

const LONGEST_ID = 512;

/** The id's number when the object at `start` opens with `{"id":"…"` (or `Id`), else undefined. */
export function leadingIdKey(bytes: Uint8Array, start: number): number | undefined {
  if (bytes[start + 1] !== QUOTE || bytes[start + 4] !== QUOTE || bytes[start + 5] !== COLON) {
    return undefined;
  }
  const head = bytes[start + 2];
  if ((head !== 0x69 && head !== 0x49) || bytes[start + 3] !== 0x64) return undefined;
  return stringKey(bytes, start + 6);
}

/** The id's number from a scanned object: its `id` (or `Id`) member, a plain string. */
export function scannedIdKey(bytes: Uint8Array, members: MemberScan): number | undefined {
  for (let i = 0; i < members.count; i++) {
    const key = members.keyStart(i);
    if (members.keyEnd(i) - key !== 2) continue;
    if ((bytes[key] !== 0x69 && bytes[key] !== 0x49) || bytes[key + 1] !== 0x64) continue;
    return stringKey(bytes, members.valueStart(i));
  }
  return undefined;
}

/** FNV-1a over the bytes of the string opening at `open`, when plain (no escape) and short. */
function stringKey(bytes: Uint8Array, open: number): number | undefined {
  if (bytes[open] !== QUOTE) return undefined;
  let hash = 0x811c9dc5;
  const last = Math.min(bytes.length, open + LONGEST_ID);
  for (let i = open + 1; i < last; i++) {
    const c = bytes[i] as number;
    if (c === QUOTE) return hash >>> 0;
    if (c === BACKSLASH) return undefined;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return undefined;
}

/**
 * The number of an id as read: FNV-1a over its characters, so equal ids always have equal
 * numbers (an answer's calls are told apart by it, session-list.ts). For a plain ASCII id it is
 * the number its bytes give (leadingIdKey), so a call is found again by its bytes; for any
 * other id the two differ, and finding it costs a parse, never a wrong call.
 */
export function idNumber(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The first element of each id number in a list, for finding a call that moved: an open-addressed
 * table in one typed array, each slot its id number and its element side by side (one cache
 * line per lookup, whatever the order the calls come in), so building it for an answer of
 * 10,000 calls allocates once and hashes no string (a Map of them cost what the reordered
 * answer saved).
 */
export class IdTable {
  /** [id number as int32, element + 1] per slot; element + 1 = 0 marks a free slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Each element whose number an earlier one has, and that earlier one: [k, first, …]. */
  readonly repeats: number[] = [];

  constructor(ids: readonly (number | undefined)[]) {
    let size = 16;
    while (size < 2 * ids.length) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (id === undefined) continue;
      const key = id | 0;
      let at = key & this.mask;
      for (;;) {
        const held = this.slots[2 * at + 1] as number;
        if (held === 0) {
          this.slots[2 * at] = key;
          this.slots[2 * at + 1] = k + 1;
          break;
        }
        if (this.slots[2 * at] === key) {
          this.repeats.push(k, held - 1); // an earlier element has this number: it stays
          break;
        }
        at = (at + 1) & this.mask;
      }
    }
  }

  /** The first element whose id has this number, or -1. */
  elementOf(id: number): number {
    const key = id | 0;
    let at = key & this.mask;
    for (;;) {
      const held = this.slots[2 * at + 1] as number;
      if (held === 0) return -1;
      if (this.slots[2 * at] === key) return held - 1;
      at = (at + 1) & this.mask;
    }
  }
}
