// The built app with the real electron-updater against a fake update feed on loopback (a generic
// provider serving latest-linux.yml and the AppImage it names, given through the unpackaged-only
// EVO_UPDATE_CONFIG_PATH): an update found → "Restart to update"; none → nothing; a broken feed
// → one log line and no card.
//   npx electron-vite build && npx vitest run test/electron/updates.test.ts
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { MAX_FEED_REDIRECTS } from '../../main/updates/feed-guard.js';
import { menuLabels, polls, signedInApp, stopAll } from './scenario.js';

const work = mkdtempSync(join(tmpdir(), 'evo-updates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(stopAll);

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

type Feed = 'newer' | 'same' | 'broken' | 'huge-error' | 'redirect-loop';

/** The huge error's body: far past anything a log line may hold. */
const HUGE_BODY_BYTES = 32 * 1024 * 1024;
const HUGE_CHUNK = Buffer.alloc(64 * 1024, 'x');

const CURRENT = pkg.version;
const NEWER = `${Number(CURRENT.split('.')[0]) + 1}.0.0`;

async function feed(kind: Feed) {
  const appImage = Buffer.from('#!/bin/sh\necho "Evo Voice Tray 0.2.0"\n');
  const sha512 = createHash('sha512').update(appImage).digest('base64');
  const version = kind === 'same' ? CURRENT : NEWER;
  const latest = [
    `version: ${version}`,
    'files:',
    `  - url: Evo-Voice-Tray-${version}.AppImage`,
    `    sha512: ${sha512}`,
    `    size: ${appImage.length}`,
    `path: Evo-Voice-Tray-${version}.AppImage`,
    `sha512: ${sha512}`,
    `releaseDate: '2026-12-01T10:00:00.000Z'`,
    '',
  ].join('\n');
  const requests: string[] = [];
  const body = { sent: 0 };
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (kind === 'huge-error') {
      // Streamed as the reader takes it, so "sent" is what the app read (plus socket buffers).
      res.writeHead(500, { 'content-type': 'text/plain' });
      const more = () => {
        while (body.sent < HUGE_BODY_BYTES && !res.destroyed) {
          body.sent += HUGE_CHUNK.length;
          if (!res.write(HUGE_CHUNK)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    } else if (kind === 'redirect-loop') {
      res.writeHead(302, { location: req.url ?? '/' }).end();
    } else if (kind === 'broken') {
      res.writeHead(500).end('upstream down');
    } else if (req.url?.startsWith('/latest-linux.yml')) {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(latest);
    } else if (req.url?.endsWith('.AppImage')) {
      res.writeHead(200, { 'content-length': appImage.length }).end(appImage);
    } else {
      res.writeHead(404).end();
    }
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const dir = mkdtempSync(join(work, `${kind}-`));
  const config = join(dir, 'app-update.yml');
  writeFileSync(
    config,
    `provider: generic\nurl: http://127.0.0.1:${port}/\nupdaterCacheDirName: evo-voice-tray-updater\n`,
  );
  // The AppImage being replaced (electron-updater reads it for a differential download first).
  const current = join(dir, `Evo-Voice-Tray-${CURRENT}.AppImage`);
  writeFileSync(current, '#!/bin/sh\n');
  const env = {
    EVO_UPDATE_CONFIG_PATH: config,
    APPIMAGE: current,
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
  return { env, requests, body };
}

const restartItems = (labels: string[]) => labels.filter((l) => l.startsWith('Restart to update'));

describe('updates from a feed on loopback', () => {
  it('an update found is downloaded and offered as "Restart to update"', async () => {
    const { env, requests } = await feed('newer');
    const { app } = await signedInApp({ env, platform: 'linux' });
    const r = await app.waitFor('the update item', (x) =>
      menuLabels(x.menu).includes(`Restart to update to ${NEWER}`),
    );
    expect(requests.some((u) => u.startsWith('/latest-linux.yml'))).toBe(true);
    expect(requests).toContain(`/Evo-Voice-Tray-${NEWER}.AppImage`);
    expect(r.notifications).toEqual([]);
  });

  it('no newer version: nothing in the menu', async () => {
    const { env, requests } = await feed('same');
    const { app, sim } = await signedInApp({ env, platform: 'linux' });
    await app.waitFor('the feed asked', () => requests.some((u) => u.startsWith('/latest')));
    const seen = polls(sim).length;
    const r = await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    expect(restartItems(menuLabels(r.menu))).toEqual([]);
    expect(requests.filter((u) => u.endsWith('.AppImage'))).toEqual([]);
  });

  it('a broken feed: one log line, no card, no menu item', async () => {
    const { env, requests } = await feed('broken');
    const { app, sim } = await signedInApp({ env, platform: 'linux' });
    await app.waitFor('the feed asked', () => requests.length > 0);
    const seen = polls(sim).length;
    const r = await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    const failures = app
      .output()
      .split('\n')
      .filter((l) => l.includes('Update check failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/Update check failed: .*500/);
    expect(r.notifications).toEqual([]);
    expect(restartItems(menuLabels(r.menu))).toEqual([]);
  });

  it('a 500 with a huge body: one short log line quoting its start, the body left unread, polls go on', async () => {
    const { env, body } = await feed('huge-error');
    const { app, sim } = await signedInApp({ env, platform: 'linux' });
    const failed = () =>
      app
        .output()
        .split('\n')
        .filter((l) => l.includes('Update check failed'));
    await app.waitFor('the failure logged', () => failed().length > 0);
    const seen = polls(sim).length;
    await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    expect(failed()).toHaveLength(1);
    expect(failed()[0]).toMatch(/Update check failed: HTTP 500 .*xxxxxxxxxx/);
    expect(failed()[0]?.length).toBeLessThan(600);
    // No line of the log carries the body: the longest is a few hundred characters.
    expect(
      Math.max(
        ...app
          .output()
          .split('\n')
          .map((l) => l.length),
      ),
    ).toBeLessThan(2000);
    expect(body.sent).toBeLessThan(HUGE_BODY_BYTES);
  });

  it('a feed that redirects to itself: the check stops after its redirects, polls go on', async () => {
    const { env, requests } = await feed('redirect-loop');
    const { app, sim } = await signedInApp({ env, platform: 'linux' });
    await app.waitFor('the failure logged', () => app.output().includes('Update check failed'));
    const seen = polls(sim).length;
    await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    // The first request and the redirects it may follow, then nothing until the next check.
    expect(requests).toHaveLength(MAX_FEED_REDIRECTS + 1);
    expect(app.output()).toMatch(/Update check failed: .*more than \d+ redirects/);
  });
});
