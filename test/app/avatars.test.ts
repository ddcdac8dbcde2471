// The avatar fetcher against a small local HTTP server (and the simulator's avatar route).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAvatarFetcher } from '../../main/app/avatars.js';
import { DEMO_USERS, startSimulator } from '../../main/simulator/server.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
const BIG = 300 * 1024;

let server: Server;
let base = '';
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
const hits = (path: string) => seen.filter((s) => s.path === path).length;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    seen.push({ path, headers: req.headers });
    switch (path) {
      case '/ada.png':
      case '/other.png':
      case '/third.png':
        return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      case '/page.html':
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>not an image</h1>');
      case '/missing.png':
        return res.writeHead(404, { 'content-type': 'image/png' }).end();
      case '/declared-big.png':
        return res
          .writeHead(200, { 'content-type': 'image/png', 'content-length': String(BIG) })
          .end(Buffer.alloc(BIG));
      case '/streamed-big.png':
        // No length given: the cap must hold while reading.
        res.writeHead(200, { 'content-type': 'image/png' });
        for (let i = 0; i < 30; i++) res.write(Buffer.alloc(10 * 1024));
        return res.end();
      case '/moved':
        return res.writeHead(302, { location: '/ada.png' }).end();
      case '/moved-to-plain-http':
        return res.writeHead(302, { location: 'http://example.com/ada.png' }).end();
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe('createAvatarFetcher', () => {
  it('returns a loopback PNG as a data: URL, sending no cookie or credential', async () => {
    const avatars = createAvatarFetcher({ server: () => base });
    const url = await avatars.get(`${base}/ada.png`);
    expect(url).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    const request = seen.find((s) => s.path === '/ada.png');
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('fetches the simulator’s generated SVG avatar', async () => {
    const sim = await startSimulator();
    try {
      const user = DEMO_USERS[0];
      const url = await createAvatarFetcher({ server: () => base }).get(
        `${sim.url}/avatars/${user?.id ?? ''}.svg`,
      );
      expect(url).toMatch(/^data:image\/svg\+xml;base64,/);
      const svg = Buffer.from(url?.split(',')[1] ?? '', 'base64').toString();
      expect(svg).toContain('<svg');
    } finally {
      await sim.stop();
    }
  });

  it('refuses plain http off this machine, other schemes and addresses with credentials, without a request', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const avatars = createAvatarFetcher({ server: () => base, fetch: fetchSpy });
    for (const url of [
      'http://example.com/ada.png',
      'ftp://example.com/ada.png',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://ada:secret@example.com/ada.png',
      'not a url',
    ]) {
      expect(await avatars.get(url)).toBeNull();
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('asks for https avatars anywhere', async () => {
    const fetchSpy = vi.fn<typeof fetch>(
      async () => new Response(PNG, { headers: { 'content-type': 'image/png' } }),
    );
    const url = await createAvatarFetcher({ server: () => base, fetch: fetchSpy }).get(
      'https://cdn.example/a.png',
    );
    expect(url).toMatch(/^data:image\/png;base64,/);
    expect(fetchSpy.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit', redirect: 'manual' });
  });

  it('returns null for what is not an image, or not there', async () => {
    const avatars = createAvatarFetcher({ server: () => base });
    expect(await avatars.get(`${base}/page.html`)).toBeNull();
    expect(await avatars.get(`${base}/missing.png`)).toBeNull();
  });

  it('returns null for an image over the size cap, declared or streamed', async () => {
    const avatars = createAvatarFetcher({ server: () => base });
    expect(await avatars.get(`${base}/declared-big.png`)).toBeNull();
    expect(await avatars.get(`${base}/streamed-big.png`)).toBeNull();
    // A higher cap takes the same picture.
    const roomy = createAvatarFetcher({ server: () => base, maxBytes: BIG + 1 });
    expect(await roomy.get(`${base}/streamed-big.png`)).toMatch(/^data:image\/png;base64,/);
  });

  it('follows a redirect only to an address it would fetch itself', async () => {
    const avatars = createAvatarFetcher({ server: () => base });
    expect(await avatars.get(`${base}/moved`)).toMatch(/^data:image\/png;base64,/);
    expect(await avatars.get(`${base}/moved-to-plain-http`)).toBeNull();
  });

  it('asks the server once per URL, failures included', async () => {
    const avatars = createAvatarFetcher({ server: () => base });
    const [first, second] = await Promise.all([
      avatars.get(`${base}/other.png`),
      avatars.get(`${base}/other.png`),
    ]);
    expect(second).toBe(first);
    await avatars.get(`${base}/other.png`);
    expect(hits('/other.png')).toBe(1);
    const before = hits('/page.html');
    await avatars.get(`${base}/page.html`);
    await avatars.get(`${base}/page.html`);
    expect(hits('/page.html')).toBe(before + 1);
  });

  it('keeps a bounded cache: the oldest URL is forgotten first', async () => {
    const avatars = createAvatarFetcher({ server: () => base, cacheSize: 2 });
    const before = hits('/third.png');
    await avatars.get(`${base}/third.png`);
    await avatars.get(`${base}/ada.png`);
    await avatars.get(`${base}/other.png`);
    await avatars.get(`${base}/third.png`);
    expect(hits('/third.png')).toBe(before + 2);
  });

  it('gives up after the timeout, with null', async () => {
    const timers: (() => void)[] = [];
    const clock = {
      setTimeout: (fn: () => void) => timers.push(fn),
      clearTimeout: () => {},
    };
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    const answer = createAvatarFetcher({ server: () => base, fetch: hanging, clock }).get(
      'https://slow.example/a.png',
    );
    expect(timers).toHaveLength(1);
    timers[0]?.();
    await expect(answer).resolves.toBeNull();
  });

  it('never throws, whatever fetch does', async () => {
    const broken: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(
      createAvatarFetcher({ server: () => base, fetch: broken }).get('https://x.example/a.png'),
    ).resolves.toBeNull();
  });
});

describe('avatars from this machine and how many at once', () => {
  const png = () => new Response(PNG, { headers: { 'content-type': 'image/png' } });

  it('refuses this machine (http or https) when the server is elsewhere, without a request', async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => png());
    const avatars = createAvatarFetcher({ server: () => 'https://evovoice.io', fetch: fetchSpy });
    for (const url of [
      'http://127.0.0.1:8080/a.png',
      'https://localhost/a.png',
      'http://[::1]/a.png',
    ]) {
      expect(await avatars.get(url)).toBeNull();
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a redirect to this machine when the server is elsewhere', async () => {
    const fetchSpy = vi.fn<typeof fetch>(
      async () =>
        new Response(null, { status: 302, headers: { location: 'https://127.0.0.1/a.png' } }),
    );
    const avatars = createAvatarFetcher({ server: () => 'https://evovoice.io', fetch: fetchSpy });
    expect(await avatars.get('https://cdn.example/a.png')).toBeNull();
    expect(fetchSpy).toHaveBeenCalledOnce();
  });

  it('at most four fetches in flight, the rest queued, past the queue refused', async () => {
    const answers: (() => void)[] = [];
    const fetchSpy = vi.fn<typeof fetch>(
      () => new Promise<Response>((done) => answers.push(() => done(png()))),
    );
    const avatars = createAvatarFetcher({
      server: () => 'https://evovoice.io',
      fetch: fetchSpy,
      maxQueued: 2,
    });
    const got = Array.from({ length: 7 }, (_, i) => avatars.get(`https://cdn.example/${i}.png`));
    await new Promise((r) => setTimeout(r, 10));
    expect(fetchSpy).toHaveBeenCalledTimes(4);
    // The seventh is past the queue of two: refused at once, not fetched.
    expect(await got[6]).toBeNull();
    answers.shift()?.();
    await new Promise((r) => setTimeout(r, 10));
    expect(fetchSpy).toHaveBeenCalledTimes(5);
    while (answers.length > 0) {
      answers.shift()?.();
      await new Promise((r) => setTimeout(r, 10));
    }
    const results = await Promise.all(got.slice(0, 6));
    expect(results.every((r) => r?.startsWith('data:image/png'))).toBe(true);
    expect(fetchSpy).toHaveBeenCalledTimes(6);
  });
});
