// The steps of the poll cycle as the report names them, and the ratios every figure of the
// cycle is made of: a step's time over JSON.parse's of the same body, a step's cost per call.
import type { CycleResult } from './cycle.js';

export const STEPS: [key: string, label: string][] = [
  ['normalize', 'normalize'],
  ['decideSteady', 'decide, nothing changed'],
  ['decideRing', 'decide, one new ringing call'],
  ['decideNewMinute', 'decide, first poll of a minute'],
  ['appState', 'app state (withPoll)'],
  ['trayMenu', 'tray menu model'],
  ['wholeSteady', 'whole poll, nothing changed'],
  ['wholeRing', 'whole poll, one new ringing call'],
];

/** Not budgets: what a step's growth per call is measured against. */
export const FLOORS: [key: string, label: string][] = [
  ['parse', 'floor: JSON.parse'],
  ['tableOfCalls', 'floor: a new table of every call by id'],
  ['compareRemembered', "part of decide: compare each call with what's remembered"],
];

export const ratio = (r: CycleResult, key: string) => (r.ms[key] ?? NaN) / (r.ms['parse'] ?? NaN);
export const perSession = (r: CycleResult, key: string) => (r.ms[key] ?? NaN) / r.sessions;
/** The same, without the collector's pauses that fell inside the step. */
export const withoutGc = (r: CycleResult, key: string) =>
  ((r.ms[key] ?? NaN) - (r.gcMs[key] ?? 0)) / r.sessions;
/** What the client adds besides parsing and normalizing: fetch, reading the stream, decoding. */
export const clientRead = (r: CycleResult) =>
  ratio(r, 'wholeSteady') - 1 - ratio(r, 'normalize') - ratio(r, 'decideSteady');
export const x = (n: number) => `${n.toFixed(2)}×`;
export const count = (n: number) => n.toLocaleString('en');

/** A step's cost per call at `big` over that at `small`. */
export const growth = (small: CycleResult, big: CycleResult, key: string) =>
  perSession(big, key) / perSession(small, key);

/** The cycles at 100 calls and at the largest size, when both were measured. */
export function smallAndBig(
  cycles: readonly CycleResult[],
): { small: CycleResult; big: CycleResult } | undefined {
  const small = cycles.find((r) => r.sessions === 100);
  const big = cycles[cycles.length - 1];
  return small && big && big !== small ? { small, big } : undefined;
}

/**
 * What each step's growth is made of (docs/BENCHMARKS.md): the collector's pauses inside it,
 * and the CPU caches, which hold 100 calls' objects but not 10,000's. `cold` is the same pair
 * measured with the caches emptied before each step (a full run only).
 */
export function growthRows(
  cycles: readonly CycleResult[],
  cold: readonly CycleResult[],
): string[][] {
  const pair = smallAndBig(cycles);
  if (!pair) return [];
  const { small, big } = pair;
  const [coldSmall, coldBig] = cold;
  const coldGrowth = (key: string, of: (r: CycleResult, key: string) => number) =>
    coldSmall && coldBig ? x(of(coldBig, key) / of(coldSmall, key)) : '—';
  return [...FLOORS, ...STEPS].map(([key, label]) => {
    const share = (big.gcMs[key] ?? 0) / (big.ms[key] ?? NaN);
    return [
      label,
      x(growth(small, big, key)),
      x(withoutGc(big, key) / withoutGc(small, key)),
      coldGrowth(key, perSession),
      coldGrowth(key, withoutGc),
      `${(share * 100).toFixed(0)} %`,
    ];
  });
}
