// The account flow with fakes: signing in (and what the keychain does meanwhile), switching
// accounts, signing out, the demo. The silent sign-in at start is in account-start.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { withPoll } from '../../main/app/app-state.js';
import { KeychainError } from '../../main/credentials/keychain.js';
import type { AgentProfile } from '../../main/boundary/session.js';
import { PROFILE, SERVER, fakeApi, request, setup, slowKeychainWrite } from './account-fakes.js';
import { errorForTimeout } from '../../main/evo/http-errors.js';

describe('signing in', () => {
  it('with "remember" keeps the password in the credential store and only server + user in settings', async () => {
    const t = setup();
    expect(await t.account.signIn(request())).toEqual({ ok: true });
    expect(t.credentials.entries.get(`ada@${SERVER}`)).toBe('s3cret');
    expect(t.saved).toEqual([{ server: SERVER, username: 'ada' }]);
    expect(JSON.stringify(t.saved)).not.toContain('s3cret');
    expect(t.store.get().account).toMatchObject({
      status: 'signed-in',
      server: SERVER,
      demo: false,
      user: { name: 'Ada Agent', email: 'ada@example.com' },
    });
    expect(t.watches).toHaveLength(1);
    expect(t.watches[0]?.started).toBe(1);
    expect(await t.watches[0]?.request.password()).toBe('s3cret');
  });

  it('without "remember" removes a password an earlier sign-in left behind', async () => {
    const t = setup({ stored: { [`ada@${SERVER}`]: 'old' } });
    expect(await t.account.signIn(request({ remember: false }))).toEqual({ ok: true });
    expect(t.credentials.entries.size).toBe(0);
    // Nothing to sign in again with when the server session expires: the agent is asked.
    expect(await t.watches[0]?.request.password()).toBeNull();
  });

  it('a rejected password returns the server message and is never tried again', async () => {
    const t = setup();
    const result = await t.account.signIn(request({ password: 'wrong' }));
    expect(result).toEqual({
      ok: false,
      error: 'Sign-in was rejected: Invalid UserName or Password',
    });
    expect(t.api.signIns).toHaveLength(1);
    expect(t.credentials.entries.size).toBe(0);
    expect(t.saved).toEqual([]);
    expect(t.watches).toEqual([]);
    expect(t.store.get().account).toMatchObject({
      status: 'signed-out',
      error: 'Sign-in was rejected: Invalid UserName or Password',
    });
  });

  it('refuses a plain-http server before sending the password anywhere', async () => {
    const t = setup();
    const result = await t.account.signIn(request({ server: 'http://evovoice.io' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/https/);
    expect(t.api.signIns).toEqual([]);
  });

  it('asks for the missing user name or password', async () => {
    const t = setup();
    expect(await t.account.signIn(request({ password: '' }))).toEqual({
      ok: false,
      error: 'Enter your password.',
    });
    expect(await t.account.signIn(request({ username: '  ' }))).toEqual({
      ok: false,
      error: 'Enter your user name.',
    });
    expect(t.api.signIns).toEqual([]);
  });

  it('a watcher re-sign-in updates the signed-in user', async () => {
    const t = setup();
    await t.account.signIn(request());
    t.watches[0]?.request.onSignedIn({ name: 'Ada Lovelace' });
    expect(t.store.get().account.user).toEqual({ name: 'Ada Lovelace' });
  });

  it('with the keychain unavailable the account still says so after signing in', async () => {
    const t = setup({ keychain: 'unavailable' });
    await t.account.signIn(request());
    expect(t.store.get().account).toMatchObject({ status: 'signed-in', keychain: 'unavailable' });
  });

  it('signing out while the server is still answering leaves the agent signed out', async () => {
    let answer: (p: AgentProfile) => void = () => {};
    const api = fakeApi(() => new Promise((resolve) => (answer = resolve)));
    const t = setup({ api });
    const pending = t.account.signIn(request());
    await vi.waitFor(() => expect(api.signIns).toHaveLength(1));
    await t.account.signOut();
    answer(PROFILE);
    expect((await pending).ok).toBe(false);
    expect(t.store.get().account.status).toBe('signed-out');
    expect(t.watches).toEqual([]);
  });
});

describe('signing in while the keychain is slow or failing', () => {
  it('a sign-out during a slow keychain write wins: signed out, nothing saved, nothing watched', async () => {
    const write = slowKeychainWrite();
    const t = setup({ beforeSet: write.beforeSet });
    const pending = t.account.signIn(request());
    await vi.waitFor(() => expect(write.started()).toBe(true));
    const signingOut = t.account.signOut();
    write.finish();
    await signingOut;
    expect(await pending).toEqual({ ok: false, error: 'Signed out while signing in.' });
    expect(t.store.get().account.status).toBe('signed-out');
    expect(t.credentials.entries.size).toBe(0);
    expect(t.saved).toEqual([]);
    expect(t.watches).toEqual([]);
  });

  it('a password the keychain will not take: signed in anyway, with a notice saying why', async () => {
    const write = slowKeychainWrite();
    const t = setup({ beforeSet: write.beforeSet });
    const pending = t.account.signIn(request());
    await vi.waitFor(() => expect(write.started()).toBe(true));
    write.finish(
      new KeychainError('Could not save the password for ada (locked).', 'the keyring is locked'),
    );
    expect(await pending).toEqual({ ok: true });
    expect(t.store.get().account).toMatchObject({
      status: 'signed-in',
      notice:
        "Your password could not be saved in the system keychain (the keyring is locked): you'll be asked to sign in again next time.",
    });
    expect(t.store.get().account.notice).not.toContain('s3cret');
    // A later silent re-sign-in by the watcher keeps the notice; signing out clears it.
    t.watches[0]?.request.onSignedIn(PROFILE);
    expect(t.store.get().account.notice).toMatch(/could not be saved/);
    await t.account.signOut();
    expect(t.store.get().account.notice).toBeUndefined();
  });

  it('a new sign-in starts without the last one’s notice', async () => {
    const t = setup();
    t.store.update((s) => ({ ...s, account: { ...s.account, notice: 'old news' } }));
    await t.account.signIn(request());
    expect(t.store.get().account.notice).toBeUndefined();
  });
});

describe('the account in the agent’s language', () => {
  const inSpanish = (t: ReturnType<typeof setup>) =>
    t.store.update((s) => ({ ...s, locale: 'es' }));

  it('a refused sign-in and a timed-out one, from the client’s failure', async () => {
    const refused = setup();
    inSpanish(refused);
    expect(await refused.account.signIn(request({ password: 'wrong' }))).toEqual({
      ok: false,
      error: 'Inicio de sesión rechazado: Invalid UserName or Password',
    });
    expect(refused.store.get().account.error).toBe(
      'Inicio de sesión rechazado: Invalid UserName or Password',
    );

    const api = fakeApi(() => Promise.reject(errorForTimeout('evo.test', 10_000)));
    const timedOut = setup({ api });
    inSpanish(timedOut);
    expect(await timedOut.account.signIn(request())).toEqual({
      ok: false,
      error: 'evo.test no respondió en 10 s. Revisa tu conexión. Se volverá a intentar.',
    });
  });

  it('the keychain notice and a sign-in overtaken by a sign-out', async () => {
    const write = slowKeychainWrite();
    const slow = setup({ beforeSet: write.beforeSet });
    inSpanish(slow);
    const pending = slow.account.signIn(request());
    await vi.waitFor(() => expect(write.started()).toBe(true));
    const signingOut = slow.account.signOut();
    write.finish();
    await signingOut;
    expect(await pending).toEqual({
      ok: false,
      error: 'Se cerró la sesión mientras iniciabas sesión.',
    });

    const failing = slowKeychainWrite();
    const locked = setup({ beforeSet: failing.beforeSet });
    inSpanish(locked);
    const signingIn = locked.account.signIn(request());
    await vi.waitFor(() => expect(failing.started()).toBe(true));
    failing.finish(new KeychainError('Could not save', 'the keyring is locked'));
    await signingIn;
    expect(locked.store.get().account.notice).toBe(
      'No se pudo guardar tu contraseña en el llavero del sistema (the keyring is locked): la próxima vez tendrás que iniciar sesión de nuevo.',
    );
  });

  it('a server address the client refuses, and a demo that cannot start', async () => {
    const t = setup({ demoFails: true });
    inSpanish(t);
    expect(await t.account.signIn(request({ server: 'http://evovoice.io' }))).toEqual({
      ok: false,
      error:
        'La dirección del servidor debe empezar por https:// para que tu contraseña se envíe cifrada (https://evovoice.io).',
    });
    expect(await t.account.startDemo()).toEqual({
      ok: false,
      error: 'No se pudo iniciar la demostración: no free port',
    });
  });
});

describe('switching accounts', () => {
  it('signing in as someone else stops the old watcher and forgets its calls', async () => {
    const t = setup();
    await t.account.signIn(request());
    t.store.update((s) => withPoll(s, Date.now(), [{ id: 'call-1', callState: 'Ringing' }]));
    await t.account.signIn(request({ server: 'https://evovoice.io' }));
    expect(t.watches[0]?.stopped).toBe(1);
    expect(t.api.signOuts()).toBe(1);
    expect(t.notificationsClosed()).toBe(1);
    expect(t.store.get().sessions).toEqual([]);
    expect(t.store.get().account).toMatchObject({
      status: 'signed-in',
      server: 'https://evovoice.io',
    });
  });
});

describe('signing out', () => {
  it('logs out, deletes the keychain entry, stops watching and forgets the calls', async () => {
    const t = setup();
    await t.account.signIn(request());
    t.store.update((s) => withPoll(s, Date.now(), [{ id: 'call-1', callState: 'Connected' }]));
    await t.account.signOut();
    expect(t.api.signOuts()).toBe(1);
    expect(t.credentials.entries.size).toBe(0);
    expect(t.watches[0]?.stopped).toBe(1);
    expect(t.store.get().sessions).toEqual([]);
    expect(t.store.get().account.status).toBe('signed-out');
    expect(t.account.watcher()).toBeNull();
    expect(t.notificationsClosed()).toBe(1);
  });

  it('after a rejected saved password, still deletes that entry', async () => {
    const t = setup({
      settings: { server: SERVER, username: 'ada' },
      stored: { [`ada@${SERVER}`]: 'changed-since' },
    });
    await t.account.signInSilently();
    await t.account.signOut();
    expect(t.credentials.entries.size).toBe(0);
  });
});

describe('the demo', () => {
  it('signs in to the simulator as the demo user and stores nothing', async () => {
    const t = setup({ api: fakeApi(async () => ({ name: 'Demo Agent' })) });
    expect(await t.account.startDemo()).toEqual({ ok: true });
    expect(t.api.signIns[0]).toMatchObject({ server: 'http://127.0.0.1:4000', username: 'demo' });
    expect(t.store.get().account).toMatchObject({ status: 'signed-in', demo: true });
    expect(t.credentials.entries.size).toBe(0);
    expect(t.saved).toEqual([]);
    expect(t.watches[0]?.started).toBe(1);
  });

  it('a demo that cannot start says why in account.error', async () => {
    const t = setup({ demoFails: true });
    const result = await t.account.startDemo();
    expect(result).toEqual({ ok: false, error: 'The demo could not start: no free port' });
    expect(t.store.get().account).toMatchObject({
      status: 'signed-out',
      error: 'The demo could not start: no free port',
    });
  });

  it('signing out of the demo stops the simulator', async () => {
    const t = setup({ api: fakeApi(async () => ({ name: 'Demo Agent' })) });
    await t.account.startDemo();
    await t.account.signOut();
    expect(t.demos[0]?.stopped).toBe(true);
    expect(t.watches[0]?.stopped).toBe(1);
  });
});
