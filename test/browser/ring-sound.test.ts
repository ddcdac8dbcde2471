// The hidden ring page as the app builds it (electron-vite: out/renderer/ring/, its sounds
// emitted beside the scripts) in Chromium: it plays, loops past one cycle and stops on command.
//   npx vitest run test/browser/ring-sound.test.ts
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWindowBuilt, RENDERER_OUT } from '../../harness/window/build-window.js';
import { serveStatic, type StaticServer } from '../../harness/window/static-server.js';
import { CHROMIUM, launchChromium, type Browser } from '../../harness/window/window-page.js';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing`);

interface AudioState {
  paused: boolean;
  loop: boolean;
  currentTime: number;
  duration: number;
  src: string;
  volume: number;
}

const audioState = (page: Page): Promise<AudioState> =>
  page.evaluate(() => {
    const a = document.getElementById('ring') as HTMLAudioElement;
    return {
      paused: a.paused,
      loop: a.loop,
      currentTime: a.currentTime,
      duration: a.duration,
      src: a.src,
      volume: a.volume,
    };
  });

describe.skipIf(!hasChromium)('the ring page in Chromium', () => {
  let server: StaticServer;
  let browser: Browser | undefined;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureWindowBuilt();
    server = await serveStatic({ '/': RENDERER_OUT });
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    page = await browser.context.newPage();
    // The preload's bridge, faked: the test is main.
    await page.addInitScript(() => {
      const w = window as unknown as {
        evoRing: { onCommand(h: (c: unknown) => void): void; report(e: unknown): void };
        __ring?: (c: unknown) => void;
      };
      w.evoRing = { onCommand: (h) => void (w.__ring = h), report: () => {} };
    });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/ring/index.html`);
    await page.waitForFunction(() => typeof (window as { __ring?: unknown }).__ring === 'function');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const send = (command: unknown): Promise<void> =>
    page.evaluate((c) => (window as unknown as { __ring(c: unknown): void }).__ring(c), command);

  it('is silent until told to play', async () => {
    expect((await audioState(page)).paused).toBe(true);
  });

  it('plays the chosen sound at the volume and loops past one cycle', async () => {
    // Counted by the page from the element's own events, not by the clock: a looping element
    // seeks back to the start when it reaches the end (and never fires `ended`), so a `seeked`
    // to before the furthest point played is a loop, however slowly a loaded machine plays.
    await page.evaluate(() => {
      const a = document.getElementById('ring') as HTMLAudioElement;
      const seen = { loops: 0, ended: 0 };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      let furthest = 0;
      a.addEventListener('timeupdate', () => (furthest = Math.max(furthest, a.currentTime)));
      a.addEventListener('seeked', () => {
        if (furthest > 0 && a.currentTime < furthest) seen.loops++;
      });
      a.addEventListener('ended', () => seen.ended++);
    });
    await send({ play: 'chime', volume: 0.5, device: '' });
    await expect.poll(async () => (await audioState(page)).paused).toBe(false);
    const first = await audioState(page);
    expect(first.src).toMatch(new RegExp(`^${server.origin}/assets/chime-[\\w-]+\\.wav$`));
    expect(first.loop).toBe(true);
    expect(first.volume).toBe(0.5);
    await expect.poll(async () => (await audioState(page)).duration).toBeCloseTo(1.25, 1);
    // Bounded by the test's timeout only: no claim on how fast the audio clock runs.
    await page.waitForFunction(
      () => (window as unknown as { __seen: { loops: number } }).__seen.loops > 0,
      undefined,
      { polling: 100, timeout: 0 },
    );
    const seen = await page.evaluate(() => (window as unknown as { __seen: unknown }).__seen);
    expect(seen).toMatchObject({ ended: 0 });
    expect((await audioState(page)).paused).toBe(false);
  }, 60_000);

  it('stops on command and stays stopped', async () => {
    await send({ stop: true });
    const stopped = await audioState(page);
    expect(stopped.paused).toBe(true);
    expect(stopped.currentTime).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await audioState(page)).toMatchObject({ paused: true, currentTime: 0 });
  });

  it('a sound name that is not a plain word never becomes a URL', async () => {
    await send({ play: '../../evil', volume: 1, device: '' });
    expect((await audioState(page)).paused).toBe(true);
    await send({ play: 'classic', volume: 1, device: '' });
    await expect.poll(async () => (await audioState(page)).paused).toBe(false);
    expect((await audioState(page)).src).toMatch(/\/assets\/classic-[\w-]+\.wav$/);
    await send({ stop: true });
    expect(errors).toEqual([]);
  });
});
