import { describe, expect, it } from 'vitest';
import { IdTable, idNumber, leadingIdKey } from '../../main/evo/call-id.js';

describe('IdTable: the first element of each id number', () => {
  it('finds each element by its number, the first of a repeated one, and -1 for an unknown one', () => {
    const table = new IdTable([7, undefined, 3_000_000_000, 7, 42]);
    expect(table.elementOf(7)).toBe(0);
    expect(table.elementOf(3_000_000_000)).toBe(2);
    expect(table.elementOf(42)).toBe(4);
    expect(table.elementOf(8)).toBe(-1);
  });

  it('numbers that fall in the same slot are all found', () => {
    // Multiples of 1024 share their low bits, so every one probes past the others.
    const ids = Array.from({ length: 300 }, (_, k) => (k + 1) * 1024);
    const table = new IdTable(ids);
    ids.forEach((id, k) => expect(table.elementOf(id)).toBe(k));
    expect(table.elementOf(301 * 1024)).toBe(-1);
  });

  it('an empty list finds nothing', () => {
    expect(new IdTable([]).elementOf(0)).toBe(-1);
  });
});

describe('idNumber: the number of an id as read', () => {
  it('is the number the bytes of a plain id give, so a call is found again by its bytes', () => {
    for (const id of ['a', 'sess-000123', 'CA0123456789abcdef']) {
      expect(idNumber(id)).toBe(leadingIdKey(Buffer.from(`{"id":"${id}"}`), 0));
    }
    expect(idNumber('a')).not.toBe(idNumber('b'));
  });
});
