// The window's render figure: how long a page takes from a pushed state to the frame showing its
// calls, for the window and for a plain-DOM page (harness/window/plain-dom/) in the same browser,
// so the figure is a ratio that travels between machines.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { AppState, Session } from '../../main/boundary/contract.js';
import { createWindowStates } from '../../main/app/window-state.js';
import { call } from '../app-states.js';
import { ago } from './window-fixtures.js';

/** The folder of the plain-DOM page, to mount on the static server. */
export const PLAIN_DOM_PAGE = resolve('harness/window/plain-dom');

/** Thin calls (a few fields each), for tests that need many rows and no realism. */
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

export interface ShowTimes {
  /** The first push on a fresh page: the page's script not compiled by V8 yet. */
  firstMs: number;
  /** Each of the runs after it. */
  runs: number[];
}

/**
 * Milliseconds from pushing `state` (after a push of the same state with no calls) until the
 * page shows its calls and the frame showing them is laid out and painted. The push is the
 * page's `__evoTest.push`: on the window, the fake bridge hands the preload a structured clone of
 * the whole state, as Electron's IPC does; on the plain-DOM page, the page clones it the same
 * way; both copies are inside the clock. "Shows its calls": the group counts add up to the
 * number of calls and at least one row is in the DOM (a list that renders only the rows in
 * view has fewer rows than calls). The clock stops in a task queued from the next animation
 * frame after that, which runs once that frame's style, layout and paint are done.
 *
 * The page is brought to the front first (a background tab gets no animation frames) and the
 * state is handed to it once, outside the clock. The first push is a warm-up, reported on its
 * own: the only one run while V8 has not compiled the page's script.
 */
export async function timeToShowCalls(
  page: Page,
  state: AppState,
  runs: number,
): Promise<ShowTimes> {
  await page.bringToFront();
  // The window (a fake main in the page) is pushed what main pushes it, each call's summary
  // (main/app/window-state.ts, made here outside the clock); the plain-DOM page the full state.
  const isWindow = await page.evaluate(() => '__evoSeed' in window);
  const pushed = isWindow ? createWindowStates()(state) : state;
  // As JSON text: Playwright hands a string over far faster than a big object.
  await page.evaluate((json) => {
    (window as unknown as { __benchState: unknown }).__benchState = JSON.parse(json);
  }, JSON.stringify(pushed));
  const visibility = await page.evaluate(() => document.visibilityState);
  if (visibility !== 'visible') throw new Error(`the measured page is ${visibility}`);
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    times.push(
      await page.evaluate(async () => {
        const w = window as unknown as {
          __evoTest: { push(s: unknown): void };
          __benchState: { sessions?: unknown[]; calls?: unknown[] };
        };
        const full = w.__benchState;
        const count = (full.calls ?? full.sessions ?? []).length;
        w.__evoTest.push({ ...full, sessions: [], calls: [] });
        await new Promise((r) => setTimeout(r, 50));
        const shown = (): boolean => {
          let sum = 0;
          for (const c of document.querySelectorAll('.group-count')) sum += Number(c.textContent);
          return sum === count && document.querySelector('.call-row') !== null;
        };
        const start = performance.now();
        w.__evoTest.push(full);
        await new Promise<void>((done) => {
          if (shown()) return done();
          const observer = new MutationObserver(() => {
            if (shown()) {
              observer.disconnect();
              done();
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        await new Promise<void>((painted) => {
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => painted();
            channel.port2.postMessage(null);
          });
        });
        return performance.now() - start;
      }),
    );
  }
  const [firstMs = Number.NaN, ...measured] = times;
  return { firstMs, runs: measured };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
