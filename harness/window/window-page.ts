// Opening the built window in Chromium over the built preload and a fake main, for the browser suite.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { IPC, type AppState, type FoundCall } from '../../main/boundary/contract.js';
import { createWindowStates, type WindowStates } from '../../main/app/window-state.js';
import { findCall } from '../../main/boundary/window-state.js';
import { PRELOAD_OUT } from './build-window.js';

export const CHROMIUM = '/usr/bin/chromium';
const FAKE_BRIDGE = resolve('harness/window/fake-bridge.js');

/** The built preload as a page script: CommonJS whose only `require` is the faked electron. */
function preloadScript(): string {
  const code = readFileSync(PRELOAD_OUT, 'utf8');
  return `(function (require, module, exports) {\n${code}\n})(
    (name) => {
      if (name === 'electron') return window.__evoElectron;
      throw new Error('The sandboxed preload may only require electron, not ' + name);
    },
    { exports: {} },
    {},
  );`;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium in a throw-away profile; `extraArgs` for a page's own needs (autoplay…). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'evo-window-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
    viewport: { width: 440, height: 720 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What the fake main holds of `state`: the WindowState the app would push, and each call's
 * details as `getCall` answers them (live, recently ended, missed).
 */
function mainSide(state: AppState, windowState: WindowStates) {
  const ids = [
    ...state.sessions.map((s) => s.id),
    ...state.recentlyEnded.map((s) => s.id),
    ...state.missed.map((m) => m.sessionId),
  ];
  const details: Record<string, FoundCall> = {};
  for (const id of ids) {
    const found = findCall(state, id);
    if (found) details[id] ??= found;
  }
  return { state: windowState(state), details };
}

export interface WindowPage {
  page: Page;
  /** Every URL the page asked for, and every CSP violation it hit. */
  requests: string[];
  cspViolations(): Promise<string[]>;
  push(state: AppState): Promise<void>;
  bridgeCalls(name: string): Promise<unknown[][]>;
}

/**
 * A new page showing the window at `hash`, main faked over `state`. `avatars` is main's answer
 * for each avatar URL (a data: URL); any other URL gets null.
 */
export async function openWindow(
  context: BrowserContext,
  origin: string,
  state: AppState,
  hash = '#/calls',
  avatars: Record<string, string> = {},
): Promise<WindowPage> {
  const page = await context.newPage();
  const windowState = createWindowStates();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(
    (seed) => {
      const w = window as unknown as { __evoSeed: unknown; __csp: string[] };
      w.__evoSeed = seed;
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    },
    { ...mainSide(state, windowState), ipc: IPC, avatars },
  );
  await page.addInitScript({ path: FAKE_BRIDGE });
  await page.addInitScript({ content: preloadScript() });
  await page.goto(`${origin}/${hash}`);
  // Past "Loading…": the first state is shown, so a push from the test is a change to it.
  await page.waitForSelector('#app > :not(.loading)');
  return {
    page,
    requests,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    // As JSON text: Playwright hands a string over far faster than a big object (5,000 calls).
    push: (next) =>
      page.evaluate(
        (json) => {
          const { state: s, details } = JSON.parse(json) as { state: unknown; details: unknown };
          (
            window as unknown as { __evoTest: { push(s: unknown, details: unknown): void } }
          ).__evoTest.push(s, details);
        },
        JSON.stringify(mainSide(next, windowState)),
      ),
    bridgeCalls: (name) =>
      page.evaluate(
        (n) =>
          (
            window as unknown as { __evoTest: { calls: { name: string; args: unknown[] }[] } }
          ).__evoTest.calls
            .filter((c) => c.name === n)
            .map((c) => c.args),
        name,
      ),
  };
}
