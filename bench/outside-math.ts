// The arithmetic of the outside bench (outside.ts): CPU per poll, and the ratios every figure
// of it is, each between programs or regimes measured in the same run.
import type { Regime } from './regimes.js';

/** One program over its timed window. */
export interface ProgramWindow {
  polls: number;
  /** CPU (user + system, every thread) over the window, ms. */
  cpuMs: number;
  /** The largest resident set the process had had by the window's end, MB. */
  peakRssMB: number;
}

/** One regime at one size: the three programs measured side by side. */
export interface RegimeRun {
  sessions: number;
  regime: Regime;
  bodyBytes: number;
  /** The built watch. */
  watch: ProgramWindow;
  /** fetch + res.json(). */
  plain: ProgramWindow;
  /** JSON.parse of the same answers. */
  parse: ProgramWindow;
}

export const cpuPerPoll = (w: ProgramWindow) => w.cpuMs / w.polls;

/** watch's CPU per poll over the plain client's. */
export const toPlainClient = (r: RegimeRun) => cpuPerPoll(r.watch) / cpuPerPoll(r.plain);

/** watch's CPU per poll over JSON.parse's of the same answers. */
export const toJsonParse = (r: RegimeRun) => cpuPerPoll(r.watch) / cpuPerPoll(r.parse);

export const runOf = (runs: readonly RegimeRun[], sessions: number, regime: Regime) =>
  runs.find((r) => r.sessions === sessions && r.regime === regime);

/** watch's CPU per poll for the reordered answers over that for the identical one. */
export function reorderedToIdentical(
  runs: readonly RegimeRun[],
  sessions: number,
): number | undefined {
  const reordered = runOf(runs, sessions, 'reordered');
  const identical = runOf(runs, sessions, 'identical');
  if (!reordered || !identical) return undefined;
  return cpuPerPoll(reordered.watch) / cpuPerPoll(identical.watch);
}

/** watch's CPU per poll and per call at `to` calls over that at `from` calls. */
export function perCallGrowth(
  runs: readonly RegimeRun[],
  regime: Regime,
  from: number,
  to: number,
): number | undefined {
  const small = runOf(runs, from, regime);
  const big = runOf(runs, to, regime);
  if (!small || !big) return undefined;
  return cpuPerPoll(big.watch) / to / (cpuPerPoll(small.watch) / from);
}

/** watch's largest resident set at a size, over its regimes. */
export function peakRssAt(runs: readonly RegimeRun[], sessions: number): number {
  return Math.max(...runs.filter((r) => r.sessions === sessions).map((r) => r.watch.peakRssMB));
}
