// The window's budgets, in Chromium (as the browser suite, test/browser): the production
// script's gzipped size, and 500 calls rendered, laid out and painted (median of 10 after a
// warm-up; the clock stops after the next animation frame once the rows are in the DOM).
import { existsSync } from 'node:fs';
import {
  ensureWindowBuilt,
  gzippedScriptBytes,
  RENDERER_OUT,
} from '../harness/window/build-window.js';
import { manyCalls, median, timeToShowCalls } from '../harness/window/measure-render.js';
import { serveStatic } from '../harness/window/static-server.js';
import { CHROMIUM, launchChromium, openWindow } from '../harness/window/window-page.js';
import { signedIn } from '../harness/app-states.js';

export interface WindowResult {
  scriptGzipKB: number;
  render500Ms: { median: number; runs: number[]; firstMs: number } | null;
  /** Why the render could not be measured (no Chromium here). */
  skipped?: string;
}

export async function measureWindow(runs: number): Promise<WindowResult> {
  ensureWindowBuilt();
  const size = gzippedScriptBytes();
  const scriptGzipKB = size.bytes / 1024;
  if (!existsSync(CHROMIUM)) {
    return { scriptGzipKB, render500Ms: null, skipped: `no ${CHROMIUM}` };
  }
  const server = await serveStatic({ '/': RENDERER_OUT });
  const browser = await launchChromium();
  try {
    const w = await openWindow(browser.context, server.origin, signedIn());
    // tsx (esbuild, keeping function names) wraps the functions sent to the page in __name().
    await w.page.evaluate('window.__name = (f) => f');
    const times = await timeToShowCalls(w.page, manyCalls(500), runs);
    await w.page.close();
    return {
      scriptGzipKB,
      render500Ms: { median: median(times.runs), runs: times.runs, firstMs: times.firstMs },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
