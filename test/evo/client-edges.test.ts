// Signing in against a tiny inline server, for answers the simulator does not give: bearer
// tokens, redirects, captive portals, servers that echo secrets.
import { describe, expect, it } from 'vitest';
import { stubbedClients } from './stubbed-client.js';
import {
  defaults,
  json,
  PASSWORD,
  SESSION_COOKIE,
  signedInCookie,
  TOKEN,
  type Route,
} from './stub-server.js';

const { secrets, stub, client, signedIn } = stubbedClients();

describe('signing in, beyond the simulator', () => {
  it('posts the ServiceStack credentials body and asks for JSON', async () => {
    let body = '';
    const { url, seen } = await stub({
      '/auth/credentials': (req, res) => {
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
        req.on('end', () => json(res, 200, {}, signedInCookie));
      },
    });
    await signedIn(url);
    expect(JSON.parse(body)).toEqual({
      provider: 'credentials',
      userName: 'ann',
      password: PASSWORD,
      rememberMe: true,
    });
    expect(seen[0]?.headers.accept).toBe('application/json');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends a bearer token the server hands out on every later call', async () => {
    const { url, seen } = await stub({
      '/auth/credentials': (_req, res) => json(res, 200, { bearerToken: TOKEN }, signedInCookie),
    });
    const api = await signedIn(url);
    await api.getMySessions();
    expect(seen.map((s) => s.headers.authorization)).toEqual([
      undefined,
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  it('sends no Authorization header when the bearer token is empty', async () => {
    const { url, seen } = await stub({
      '/auth/credentials': (_req, res) => json(res, 200, { bearerToken: '' }, signedInCookie),
    });
    await (await signedIn(url)).getMySessions();
    expect(seen.map((s) => s.headers.authorization)).toEqual([undefined, undefined, undefined]);
  });

  it('sends requests under the base path of the server setting', async () => {
    const { url, seen } = await stub({
      '/api/auth/credentials': defaults['/auth/credentials'] as Route,
      '/api/auth/status': defaults['/auth/status'] as Route,
      '/api/sessions/my': defaults['/sessions/my'] as Route,
    });
    await (await signedIn(`${url}/api/`)).getMySessions();
    expect(seen.map((s) => s.path)).toEqual([
      '/api/auth/credentials',
      '/api/auth/status',
      '/api/sessions/my',
    ]);
  });

  it('names the agent by the username typed when the server names nobody', async () => {
    const { url } = await stub({ '/auth/status': (_req, res) => json(res, 200, { id: 'u1' }) });
    expect(await client().signIn(url, 'ann', PASSWORD)).toEqual({ id: 'u1', name: 'ann' });
  });

  it('says the address is wrong when there is no sign-in there', async () => {
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end('<html>Not Found</html>');
      },
    });
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('not-found');
    expect(error.message).toMatch(/no Evo Voice sign-in at this address/);
  });

  it('explains a rejected sign-in even when the answer is not ServiceStack JSON', async () => {
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        res.writeHead(401, { 'Content-Type': 'text/html' });
        res.end('<html><body>Unauthorized</body></html>');
      },
    });
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('rejected-credentials');
    expect(error.message).toBe('Sign-in was rejected: check your username and password.');
  });

  it('treats a status that says "not authenticated" as a rejected sign-in', async () => {
    const { url } = await stub({
      '/auth/status': (_req, res) => json(res, 200, { isAuthenticated: false, name: 'x' }),
    });
    const api = client();
    const error = await secrets.failure(api.signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('rejected-credentials');
    expect((await secrets.failure(api.getMySessions())).message).toMatch(/sign in first/i);
  });

  it('refuses a captive portal page as a bad response', async () => {
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>Welcome to Airport Wi-Fi</html>');
      },
    });
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('bad-response');
    expect(error.message).not.toContain('Airport');
  });

  it('never follows a redirect, which could carry the password elsewhere', async () => {
    const elsewhere = await stub();
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        res.writeHead(307, { Location: `${elsewhere.url}/auth/credentials` });
        res.end();
      },
    });
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/redirect/);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it('masks the password and cookies when a server echoes them back', async () => {
    const echo =
      (text: string): Route =>
      (req, res) =>
        json(res, 401, {
          responseStatus: { message: `Bad login for ${text} with ${req.headers.cookie ?? ''}` },
        });
    const first = await stub({ '/auth/credentials': echo(PASSWORD) });
    const atSignIn = await secrets.failure(client().signIn(first.url, 'ann', PASSWORD));
    expect(atSignIn.message).toMatch(/^Sign-in was rejected: Bad login for ••• with/);

    // After sign-in the client no longer holds the password; the cookie is what it can leak.
    const second = await stub({ '/sessions/my': echo('ann') });
    const later = await secrets.failure((await signedIn(second.url)).getMySessions());
    expect(later.message).toContain('ss-id=•••');
  });

  it('masks a password of four characters or more wherever it appears', async () => {
    const { url } = await stub({
      '/auth/credentials': (_req, res) =>
        json(res, 401, { responseStatus: { message: 'Password pa55 is wrong for pa55word' } }),
    });
    const error = await secrets.failure(client().signIn(url, 'ann', 'pa55'));
    expect(error.message).toBe('Sign-in was rejected: Password ••• is wrong for •••word');
  });

  it('leaves messages whole when the password is too short to tell from ordinary words', async () => {
    const { url } = await stub({
      '/auth/credentials': (_req, res) =>
        json(res, 401, {
          responseStatus: { message: 'Invalid UserName or Password for Evo Voice' },
        }),
    });
    const error = await secrets.failure(client().signIn(url, 'ann', 'Evo'));
    expect(error.message).toBe('Sign-in was rejected: Invalid UserName or Password for Evo Voice');
    expect(error.details.serverMessage).toBe('Invalid UserName or Password for Evo Voice');
  });

  it('still masks session cookies when the password is short', async () => {
    const { url } = await stub({
      '/sessions/my': (req, res) =>
        json(res, 500, { responseStatus: { message: `Broken for ${req.headers.cookie ?? ''}` } }),
    });
    const api = client();
    await api.signIn(url, 'ann', 'Evo');
    const error = await secrets.failure(api.getMySessions());
    expect(error.message).toContain('Broken for ss-id=•••');
    expect(error.message).not.toContain(SESSION_COOKIE);
  });
});
