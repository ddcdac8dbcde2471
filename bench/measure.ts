// Timing helpers: steps are interleaved round by round (so a noisy moment hurts them all
// alike) and reported as medians.
import { performance, PerformanceObserver } from 'node:perf_hooks';

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Wall and CPU (user + system) milliseconds of one call of `work`. */
export async function timeWithCpu(work: () => unknown): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export interface StepTimes {
  /** Median milliseconds by step. */
  ms: Record<string, number>;
  /** Median milliseconds by step of the garbage collector's pauses that fell inside it. */
  gcMs: Record<string, number>;
}

/**
 * Runs `rounds` rounds of every step in order (after one warm-up round); medians by step, and
 * of the collector's pauses inside each step (V8 reports each pause with its start and length).
 */
export async function interleaved(
  rounds: number,
  steps: Record<string, () => unknown>,
  /** Untimed, before each timed step (a name not starting with `_`). */
  beforeEach?: () => void,
): Promise<StepTimes> {
  const pauses: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const windows: Record<string, { start: number; end: number }[]> = {};
  for (let round = 0; round <= rounds; round++) {
    for (const [name, step] of Object.entries(steps)) {
      if (beforeEach !== undefined && !name.startsWith('_')) beforeEach();
      const start = performance.now();
      await step();
      const end = performance.now();
      if (round > 0) (windows[name] ??= []).push({ start, end });
    }
  }
  // The observer is told in a later task.
  await new Promise((done) => setTimeout(done, 10));
  observer.disconnect();
  const inside = (w: { start: number; end: number }) =>
    pauses.reduce(
      (sum, p) => sum + Math.max(0, Math.min(p.end, w.end) - Math.max(p.start, w.start)),
      0,
    );
  const byStep = (f: (w: { start: number; end: number }) => number) =>
    Object.fromEntries(Object.entries(windows).map(([name, ws]) => [name, median(ws.map(f))]));
  return { ms: byStep((w) => w.end - w.start), gcMs: byStep(inside) };
}

/** More than the caches of this machine (its VM does not say their size) and most others hold. */
const CACHE_FLUSH_BYTES = 64 * 2 ** 20;
let flushBuffer: Uint8Array | undefined;

/**
 * Reads and writes a line of every 64 bytes of a buffer larger than the caches, so the next
 * step finds none of its own data there: a step on 100 calls then starts as one on 10,000
 * does (whose data never fits), and their costs per call can be compared like for like.
 */
export function emptyCaches(): void {
  flushBuffer ??= new Uint8Array(CACHE_FLUSH_BYTES);
  for (let i = 0; i < flushBuffer.length; i += 64) flushBuffer[i] = (flushBuffer[i] ?? 0) + 1;
}
