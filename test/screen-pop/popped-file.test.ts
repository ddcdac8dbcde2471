import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  POPPED_FILE,
  POPPED_KEPT_MS,
  openPoppedCalls,
  poppedCallsInMemory,
} from '../../main/screen-pop/popped-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evo-popped-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openPoppedCalls', () => {
  it('remembers a popped call across a restart', async () => {
    let now = 1_000_000;
    const first = await openPoppedCalls(dir, () => now);
    expect(first.has('call-1')).toBe(false);
    await first.add('call-1');
    expect(first.has('call-1')).toBe(true);
    now += 60_000;
    const second = await openPoppedCalls(dir, () => now);
    expect(second.has('call-1')).toBe(true);
    expect(second.has('call-2')).toBe(false);
    expect(second.warning).toBeUndefined();
  });

  it('forgets calls popped over a day ago', async () => {
    let now = 1_000_000;
    const ledger = await openPoppedCalls(dir, () => now);
    await ledger.add('old');
    now += POPPED_KEPT_MS - 1;
    await ledger.add('recent');
    now += 1;
    const reopened = await openPoppedCalls(dir, () => now);
    expect(reopened.has('old')).toBe(false);
    expect(reopened.has('recent')).toBe(true);
    await reopened.add('new');
    const stored = JSON.parse(readFileSync(join(dir, POPPED_FILE), 'utf8')) as {
      popped: Record<string, number>;
    };
    expect(Object.keys(stored.popped).sort()).toEqual(['new', 'recent']);
  });

  it('keeps every call when adds overlap', async () => {
    const ledger = await openPoppedCalls(dir, () => 5);
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => ledger.add(id)));
    const reopened = await openPoppedCalls(dir, () => 5);
    expect(['a', 'b', 'c', 'd'].every((id) => reopened.has(id))).toBe(true);
  });

  it('treats server ids as data, never as object keys with meaning', async () => {
    const ledger = await openPoppedCalls(dir, () => 5);
    expect(ledger.has('__proto__')).toBe(false);
    expect(ledger.has('constructor')).toBe(false);
    await ledger.add('__proto__');
    const reopened = await openPoppedCalls(dir, () => 5);
    expect(reopened.has('__proto__')).toBe(true);
    expect(reopened.has('toString')).toBe(false);
  });

  it('starts empty, saying why, from a damaged file', async () => {
    writeFileSync(join(dir, POPPED_FILE), '{"version":1,"popped":');
    const ledger = await openPoppedCalls(dir, () => 5);
    expect(ledger.warning).toMatch(/not valid JSON/);
    expect(ledger.has('x')).toBe(false);
  });
});

describe('poppedCallsInMemory', () => {
  it('remembers what was added', async () => {
    const popped = poppedCallsInMemory();
    await popped.add('a');
    expect(popped.has('a')).toBe(true);
    expect(popped.has('b')).toBe(false);
  });
});
