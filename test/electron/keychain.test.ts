// The built app with the real keychain (a private gnome-keyring): the remembered password goes
// to the keychain and nowhere else, comes back for the silent sign-in, and goes at sign-out.
//   node test/support/with-keyring.mjs npx vitest run test/electron/keychain.test.ts
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type WindowState } from '../../main/boundary/contract.js';
import { KEYCHAIN_SERVICE, keychainAccount } from '../../main/credentials/store.js';
import { DEMO_USERS, startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { launchApp, type RunningApp } from './app-harness.js';
import type { Recording } from './fake-electron.js';

const privateKeyring = process.env.EVO_TEST_KEYRING === 'private';
const ci = process.env.CI === 'true';

if (!privateKeyring && ci) {
  throw new Error('Run the tests through test/support/with-keyring.mjs in CI.');
}
if (!privateKeyring) {
  console.warn(
    'test/electron/keychain.test.ts skipped: no private Secret Service (see with-keyring.mjs).',
  );
}

const PASSWORD = 'Tr4y-kc-s3cret-7781';
const base = DEMO_USERS[0];
if (!base) throw new Error('no demo user');
const AGENT = { ...base, password: PASSWORD };

let sim: Simulator | null = null;
const apps: RunningApp[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop(true);
  await sim?.stop();
  sim = null;
});

const lastState = (r: Recording): WindowState | undefined =>
  r.windows.flatMap((w) => w.pushes).at(-1)?.payload as WindowState | undefined;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.runIf(privateKeyring)('the app with a real keychain', () => {
  it('keeps a remembered password in the keychain only, signs in with it at start, deletes it at sign-out', async () => {
    sim = await startSimulator({ users: [AGENT] });
    const account = keychainAccount(sim.url, AGENT.username);
    const first = await launchApp({ settings: { pollIntervalMs: 1000 } });
    apps.push(first);
    await first.waitFor('the sign-in window', (r) => r.windows.length === 1);
    await first.invoke(IPC.signIn, [
      { server: sim.url, username: AGENT.username, password: PASSWORD, remember: true },
    ]);
    await first.waitFor('online', (r) => lastState(r)?.connection.status === 'online');
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, account)).toBe(PASSWORD);
    await first.stop(false);

    const leaks = filesUnder(first.userData).filter((file) =>
      readFileSync(file).includes(Buffer.from(PASSWORD)),
    );
    expect(leaks).toEqual([]);

    // A restart: no window, no typing; the keychain's password signs the agent in.
    const second = await launchApp({ userData: first.userData });
    apps.push(second);
    await second.waitFor(
      'signed in again',
      (r) => r.trayImages.at(-1)?.endsWith('idle.png') ?? false,
    );
    expect((await second.recording()).windows).toEqual([]);
    const signIns = sim.requests.filter((q) => q.path.startsWith('/auth/credentials'));
    expect(signIns.map((q) => q.status)).toEqual([200, 200]);

    await second.request({ cmd: 'secondInstance' });
    await second.waitFor('the window', (r) => r.windows.length === 1);
    await second.invoke(IPC.signOut);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, account)).toBeNull();
    expect(sim.requests.some((q) => q.path.startsWith('/auth/logout'))).toBe(true);
  });

  it('a server out of reach at start: signed in and offline, and Sign out works', async () => {
    const gone = await startSimulator({ users: [AGENT] });
    const server = gone.url;
    await gone.stop();
    const account = keychainAccount(server, AGENT.username);
    await keytar.setPassword(KEYCHAIN_SERVICE, account, PASSWORD);
    const app = await launchApp({
      settings: { server, username: AGENT.username, pollIntervalMs: 1000 },
    });
    apps.push(app);
    const r = await app.waitFor('offline', (x) => /offline\.png$/.test(x.trayImages.at(-1) ?? ''));
    const labels = r.menu.map((i) => i.label);
    expect(labels[0]).toMatch(/^Offline/);
    expect(labels).toContain(AGENT.username);
    expect(labels).toContain('Sign out');
    await app.request({ cmd: 'clickMenu', label: 'Sign out' });
    await app.waitFor('signed out', (x) => /signed-out\.png$/.test(x.trayImages.at(-1) ?? ''));
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, account)).toBeNull();
  });

  it('a rejected stored password at start: signed out, one notification, no retry, entry kept', async () => {
    sim = await startSimulator({ users: [AGENT] });
    const account = keychainAccount(sim.url, AGENT.username);
    await keytar.setPassword(KEYCHAIN_SERVICE, account, 'an-old-password');
    const app = await launchApp({
      settings: { server: sim.url, username: AGENT.username, pollIntervalMs: 1000 },
    });
    apps.push(app);
    const r = await app.waitFor('the signed-out notice', (x) => x.notifications.length > 0);
    expect(r.notifications).toEqual([
      expect.objectContaining({ title: 'Signed out of Evo Voice' }),
    ]);
    expect(r.notifications[0]?.body).not.toContain('an-old-password');
    expect(r.trayImages.at(-1)).toMatch(/signed-out\.png$/);
    const seen = sim.requests.length;
    await new Promise((done) => setTimeout(done, 2_500));
    expect(sim.requests.length).toBe(seen);
    expect(sim.requests.filter((q) => q.path.startsWith('/auth/credentials'))).toHaveLength(1);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, account)).toBe('an-old-password');
    await keytar.deletePassword(KEYCHAIN_SERVICE, account);
  });

  it('IT forbids remembering (allowRememberPassword false): nothing in the keychain, an older entry deleted', async () => {
    sim = await startSimulator({ users: [AGENT] });
    const account = keychainAccount(sim.url, AGENT.username);
    await keytar.setPassword(KEYCHAIN_SERVICE, account, 'kept-before-the-policy');
    const dir = mkdtempSync(join(tmpdir(), 'evo-policy-'));
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ allowRememberPassword: false }));
    const app = await launchApp({
      settings: { server: sim.url, username: AGENT.username, pollIntervalMs: 1000 },
      env: { EVO_TRAY_POLICY_FILE: policy },
    });
    apps.push(app);
    // The entry saved earlier is not used for a silent sign-in: the agent is asked.
    await app.waitFor('the sign-in window', (r) => r.windows.length === 1);
    expect(sim.requests.filter((q) => q.path.startsWith('/auth/credentials'))).toEqual([]);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, account)).toBeNull();
    expect(((await app.invoke(IPC.getState)) as WindowState).policy).toEqual({
      enforced: [],
      allowRememberPassword: false,
    });

    await app.invoke(IPC.signIn, [
      { server: sim.url, username: AGENT.username, password: PASSWORD, remember: true },
    ]);
    await app.waitFor('online', (r) => lastState(r)?.connection.status === 'online');
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, account)).toBeNull();
    await app.stop(false);
    const leaks = filesUnder(app.userData).filter((file) =>
      readFileSync(file).includes(Buffer.from(PASSWORD)),
    );
    expect(leaks).toEqual([]);
  });
});
