// The window's budgets, in Chromium (as the browser suite, test/browser): the production
// script's gzipped size, and realistic calls (full sessions, harness/realistic-calls.ts) pushed
// onto an empty list until painted, the push's structured clone included, as a ratio to a
// plain-DOM page (harness/window/plain-dom/) in the same browser: the figure travels between
// machines where milliseconds do not. The window is pushed what main pushes it (each call's
// summary, main/app/window-state.ts, made outside the clock); the plain-DOM page is the fixed
// yardstick, a naive page given the whole AppState by the same copy, unchanged since before the
// window was made lean, so "5,000 calls no slower than 500 before" is a ratio to its 500.
import { existsSync } from 'node:fs';
import type { AppState } from '../main/boundary/contract.js';
import {
  ensureWindowBuilt,
  gzippedScriptBytes,
  RENDERER_OUT,
} from '../harness/window/build-window.js';
import { median, PLAIN_DOM_PAGE, timeToShowCalls } from '../harness/window/measure-render.js';
import { serveStatic } from '../harness/window/static-server.js';
import { CHROMIUM, launchChromium, openWindow } from '../harness/window/window-page.js';
import { signedIn } from '../harness/app-states.js';
import { realisticSessions } from '../harness/realistic-calls.js';
import { createWindowStates } from '../main/app/window-state.js';

/** One size: the window's and the plain-DOM page's medians, in ms, and the window's warm-up. */
/** The sizes of the window's budget: 5,000 calls painted as fast as 500 were before. */
export const WINDOW_TODAY_CALLS = 500;
export const WINDOW_BIG_CALLS = 5000;

export interface WindowPaint {
  calls: number;
  windowMs: number;
  plainMs: number;
  /** The window's median over the plain-DOM page's, same size, same run. */
  ratio: number;
  windowRuns: number[];
  plainRuns: number[];
  /** The window's first push on a fresh page (V8 compiling its script). */
  windowFirstMs: number;
}

export interface WindowResult {
  scriptGzipKB: number;
  /** The state main pushes the window, as JSON, with each size's realistic calls (MB). */
  pushedMB: { calls: number; mb: number; fullMB: number }[];
  /** Each size measured, smallest first; empty when not measured. */
  paints: WindowPaint[];
  /** Why the render could not be measured (no Chromium here). */
  skipped?: string;
}

/** The state the app pushes with `count` realistic calls. */
function stateWith(count: number): AppState {
  return signedIn({ sessions: realisticSessions(count) });
}

/**
 * What one push carries with `calls` realistic calls: the WindowState main makes of the state
 * (main/app/window-state.ts), as JSON (IPC's structured clone copies about as much), beside the
 * whole AppState it was made from. A size, not a time: the same on every machine.
 */
function pushedSize(calls: number): { calls: number; mb: number; fullMB: number } {
  const state = stateWith(calls);
  const pushed = createWindowStates()(state);
  const mb = (value: unknown) => Buffer.byteLength(JSON.stringify(value)) / 1e6;
  return { calls, mb: mb(pushed), fullMB: mb(state) };
}

export async function measureWindow(sizes: readonly number[], runs: number): Promise<WindowResult> {
  ensureWindowBuilt();
  const scriptGzipKB = gzippedScriptBytes().bytes / 1024;
  // A size, so --quick measures the budget's 5,000 too.
  const pushedMB = [...new Set([...sizes, WINDOW_BIG_CALLS])].map((calls) => pushedSize(calls));
  if (!existsSync(CHROMIUM)) {
    return { scriptGzipKB, pushedMB, paints: [], skipped: `no ${CHROMIUM}` };
  }
  const server = await serveStatic({ '/__plain/': PLAIN_DOM_PAGE, '/': RENDERER_OUT });
  const browser = await launchChromium();
  try {
    const paints: WindowPaint[] = [];
    for (const calls of sizes) {
      const state = stateWith(calls);
      // A fresh page for each, alone in the browser, as the window is in the app.
      const w = await openWindow(browser.context, server.origin, signedIn());
      // tsx (esbuild, keeping function names) wraps the functions sent to the page in __name().
      await w.page.evaluate('window.__name = (f) => f');
      const shown = await timeToShowCalls(w.page, state, runs);
      await w.page.close();
      const plainPage = await browser.context.newPage();
      await plainPage.goto(`${server.origin}/__plain/index.html`);
      await plainPage.evaluate('window.__name = (f) => f');
      const plain = await timeToShowCalls(plainPage, state, runs);
      await plainPage.close();
      const windowMs = median(shown.runs);
      const plainMs = median(plain.runs);
      paints.push({
        calls,
        windowMs,
        plainMs,
        ratio: windowMs / plainMs,
        windowRuns: shown.runs,
        plainRuns: plain.runs,
        windowFirstMs: shown.firstMs,
      });
    }
    return { scriptGzipKB, pushedMB, paints };
  } finally {
    await browser.close();
    await server.close();
  }
}
