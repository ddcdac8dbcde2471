// What each browser suite of the window starts from: the built window served over HTTP and one
// Chromium for the suite. In CI the suite must run, so a missing Chromium fails it there.
import { existsSync } from 'node:fs';
import { ensureWindowBuilt, RENDERER_OUT } from '../../harness/window/build-window.js';
import { serveStatic, type StaticServer } from '../../harness/window/static-server.js';
import { CHROMIUM, launchChromium, type Browser } from '../../harness/window/window-page.js';

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: CI must run the browser suite`);
}

export interface ServedWindow {
  browser: Browser;
  server: StaticServer;
}

/** Builds the window if it is not built, serves it and launches Chromium. */
export async function serveWindow(): Promise<ServedWindow> {
  ensureWindowBuilt();
  const server = await serveStatic({ '/': RENDERER_OUT });
  return { server, browser: await launchChromium() };
}

/** Closes what serveWindow started (either may be missing when it failed part way). */
export async function closeServedWindow(served: Partial<ServedWindow>): Promise<void> {
  await served.browser?.close();
  await served.server?.close();
}
