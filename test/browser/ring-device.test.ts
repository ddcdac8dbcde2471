// The hidden ring page's speaker, as the app builds it, in Chromium with its fake audio devices
// (two outputs besides the default): it lists the outputs, chooses the speaker before playing,
// and rings on the default (telling main) when the chosen one is gone.
//   npx vitest run test/browser/ring-device.test.ts
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RingDevice } from '../../main/boundary/contract.js';
import { ensureWindowBuilt, RENDERER_OUT } from '../../harness/window/build-window.js';
import { serveStatic, type StaticServer } from '../../harness/window/static-server.js';
import { CHROMIUM, launchChromium, type Browser } from '../../harness/window/window-page.js';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing`);

interface Seen {
  /** What the page did to the element, in order: `sink:<id>` and `play`. */
  calls: string[];
  /** What the page told main. */
  reports: Record<string, unknown>[];
  sinkId: string;
  paused: boolean;
}

describe.skipIf(!hasChromium)("the ring page's speaker in Chromium", () => {
  let server: StaticServer;
  let browser: Browser | undefined;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureWindowBuilt();
    server = await serveStatic({ '/': RENDERER_OUT });
    browser = await launchChromium([
      '--autoplay-policy=no-user-gesture-required',
      // Chromium's fake devices (audio outputs included), their labels shown without a prompt.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ]);
    page = await browser.context.newPage();
    // The preload's bridge, faked (the test is main), and the element's calls recorded.
    await page.addInitScript(() => {
      const w = window as unknown as {
        evoRing: { onCommand(h: (c: unknown) => void): void; report(e: unknown): void };
        __ring?: (c: unknown) => void;
        __seen: { calls: string[]; reports: unknown[] };
      };
      const seen = { calls: [] as string[], reports: [] as unknown[] };
      w.__seen = seen;
      w.evoRing = {
        onCommand: (h) => void (w.__ring = h),
        report: (e) => void seen.reports.push(e),
      };
      const proto = HTMLMediaElement.prototype;
      const setSinkId = proto.setSinkId;
      proto.setSinkId = function (id: string) {
        seen.calls.push(`sink:${id}`);
        const choosing = setSinkId.call(this, id);
        (window as unknown as { __choosing: Promise<void> }).__choosing = choosing;
        return choosing;
      };
      const play = proto.play;
      proto.play = function () {
        seen.calls.push('play');
        const playing = play.call(this);
        const w2 = window as unknown as { __lastPlay?: Promise<void>; __afterPlay?: () => void };
        w2.__lastPlay = playing;
        w2.__afterPlay?.();
        return playing;
      };
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
  const seen = (): Promise<Seen> =>
    page.evaluate(() => {
      const w = window as unknown as { __seen: Pick<Seen, 'calls' | 'reports'> };
      const a = document.getElementById('ring') as HTMLAudioElement;
      return { ...w.__seen, sinkId: a.sinkId, paused: a.paused };
    });
  const forget = (): Promise<void> =>
    page.evaluate(() => {
      const w = window as unknown as { __seen: Pick<Seen, 'calls' | 'reports'> };
      w.__seen.calls.length = 0;
      w.__seen.reports.length = 0;
    });

  let outputs: RingDevice[] = [];

  it('lists the audio outputs, with the labels the OS gives them, and nothing else', async () => {
    await send({ listDevices: 7 });
    await expect.poll(async () => (await seen()).reports.length).toBe(1);
    const [report] = (await seen()).reports as [{ request: number; devices: RingDevice[] }];
    expect(report.request).toBe(7);
    outputs = report.devices;
    expect(outputs.map((d) => d.label)).toEqual([
      'Fake Default Audio Output',
      'Fake Audio Output 1',
      'Fake Audio Output 2',
    ]);
    expect(outputs[0]?.deviceId).toBe('default');
    expect(Object.keys(outputs[1] ?? {}).sort()).toEqual(['deviceId', 'label']);
  });

  it('chooses the speaker before it plays', async () => {
    const speaker = outputs[1]?.deviceId ?? '';
    expect(speaker).toMatch(/^\w{8,}$/);
    await forget();
    await send({ play: 'chime', volume: 0.5, device: speaker });
    await expect.poll(async () => (await seen()).paused).toBe(false);
    const now = await seen();
    expect(now.calls).toEqual([`sink:${speaker}`, 'play']);
    expect(now.sinkId).toBe(speaker);
    expect(now.reports).toEqual([{ deviceFound: speaker }]);
    await send({ stop: true });
  });

  it('a stop that comes while the speaker is being chosen wins: no ring after it', async () => {
    const speaker = outputs[2]?.deviceId ?? '';
    await forget();
    await page.evaluate(async (device) => {
      const w = window as unknown as { __ring(c: unknown): void; __choosing: Promise<void> };
      w.__ring({ play: 'double', volume: 1, device });
      w.__ring({ stop: true });
      // Once the speaker is chosen, and everything queued after that has run.
      await w.__choosing.catch(() => {});
      await new Promise((r) => setTimeout(r, 0));
    }, speaker);
    const now = await seen();
    expect(now.calls).toEqual([`sink:${speaker}`]);
    expect(now.paused).toBe(true);
  });

  it('a stop while play() is still starting is no failure: nothing logged', async () => {
    await forget();
    errors.length = 0;
    const settled = await page.evaluate(async () => {
      const w = window as unknown as {
        __ring(c: unknown): void;
        __lastPlay?: Promise<void>;
        __afterPlay?: () => void;
      };
      w.__lastPlay = undefined;
      // The stop comes the moment play() is asked, before the sound has loaded: Chromium
      // rejects that play() with an AbortError, caused by our own pause.
      w.__afterPlay = () => {
        w.__afterPlay = undefined;
        w.__ring({ stop: true });
      };
      // A sound other than the one loaded, so play() has to wait for it to load.
      const loaded = document.querySelector('audio')?.src ?? '';
      const sound = ['chime', 'double', 'classic'].find((name) => !loaded.includes(name));
      w.__ring({ play: sound, volume: 1, device: '' });
      // Read through a function: the assignment above would narrow the property to undefined.
      const lastPlay = (): Promise<void> | undefined => w.__lastPlay;
      for (let i = 0; i < 100 && lastPlay() === undefined; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      const outcome = await lastPlay()?.then(
        () => 'played',
        (e: unknown) => (e instanceof Error ? e.name : 'rejected'),
      );
      await new Promise((r) => setTimeout(r, 0));
      return outcome;
    });
    expect(settled).toBe('AbortError');
    expect((await seen()).paused).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a speaker that is gone: rings on the default and tells main', async () => {
    await forget();
    await send({ play: 'classic', volume: 1, device: 'unplugged-headset' });
    await expect.poll(async () => (await seen()).paused).toBe(false);
    const now = await seen();
    expect(now.calls).toEqual(['sink:unplugged-headset', 'sink:', 'play']);
    expect(now.sinkId).toBe('');
    expect(now.reports).toEqual([{ deviceMissing: 'unplugged-headset' }]);
    await send({ stop: true });
    expect((await seen()).paused).toBe(true);
    expect(errors).toEqual([]);
  });
});
