// The render budget: how long the window takes to show a big list of calls pushed by the app.
import type { Page } from 'playwright-core';
import type { CallSummary, Session } from '../../main/boundary/contract.js';
import { createWindowStates } from '../../main/app/window-state.js';
import { call, signedIn } from '../app-states.js';
import { ago } from './window-fixtures.js';

export function manyCalls(count: number): Session[] {
  return Array.from({ length: count }, (_, i) =>
    call(`bulk-${i}`, {
      callState: ['Ringing', 'Hold', 'Connected', 'Connected'][i % 4],
      fromName: `Caller ${i}`,
      customerName: `Customer ${i % 37}`,
      holdQueueName: 'Sales hold',
      dateCreated: ago(i * 1000),
    }),
  );
}

/** The calls as main pushes them to the window (main/app/window-state.ts). */
function summariesOf(sessions: Session[]): CallSummary[] {
  return createWindowStates()(signedIn({ sessions })).calls;
}

export interface ShowTimes {
  /** The first push on a fresh page: the window's script not compiled by V8 yet. */
  firstMs: number;
  /** Each of the runs after it. */
  runs: number[];
}

/**
 * Milliseconds from pushing `sessions` (onto an empty list) until every row is in the DOM and
 * the frame showing them is laid out and painted: the clock stops in a task queued from the
 * next animation frame after the DOM is complete, which runs once that frame's style, layout
 * and paint are done. The first push is a warm-up, as each bench step has one, and is
 * reported on its own: it is the only one run while V8 has not compiled the window's script.
 */
export async function timeToShowCalls(
  page: Page,
  sessions: Session[],
  runs: number,
): Promise<ShowTimes> {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    times.push(
      await page.evaluate(async (list) => {
        const test = (
          window as unknown as { __evoTest: { push(s: unknown): void; state(): object } }
        ).__evoTest;
        const base = test.state();
        test.push({ ...base, calls: [] });
        await new Promise((r) => setTimeout(r, 50));
        const shown = (): boolean => document.querySelectorAll('.call-row').length === list.length;
        const start = performance.now();
        test.push({ ...base, calls: list });
        await new Promise<void>((done) => {
          if (shown()) return done();
          const observer = new MutationObserver(() => {
            if (shown()) {
              observer.disconnect();
              done();
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
        });
        await new Promise<void>((painted) => {
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => painted();
            channel.port2.postMessage(null);
          });
        });
        return performance.now() - start;
      }, summariesOf(sessions)),
    );
  }
  const [firstMs = Number.NaN, ...measured] = times;
  return { firstMs, runs: measured };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
