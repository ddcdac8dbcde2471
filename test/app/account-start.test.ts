// The silent sign-in at start, with the remembered password: accepted, rejected (never
// retried), or a server that does not answer (signed in and offline, Sign out possible).
import { describe, expect, it, vi } from 'vitest';
import { EvoApiError } from '../../main/evo/api.js';
import { errorForNetwork } from '../../main/evo/http-errors.js';
import type { AgentProfile } from '../../main/boundary/session.js';
import { PROFILE, SERVER, fakeApi, setup } from './account-fakes.js';

describe('silent sign-in at start', () => {
  const known = { settings: { server: SERVER, username: 'ada' } };

  it('signs in with the remembered password and starts watching', async () => {
    const t = setup({ ...known, stored: { [`ada@${SERVER}`]: 's3cret' } });
    expect(await t.account.signInSilently()).toBe(true);
    expect(t.api.signIns).toEqual([{ server: SERVER, username: 'ada', password: 's3cret' }]);
    expect(t.store.get().account.status).toBe('signed-in');
    expect(t.watches[0]?.started).toBe(1);
  });

  it('does nothing without a remembered password', async () => {
    const t = setup(known);
    expect(await t.account.signInSilently()).toBe(false);
    expect(t.api.signIns).toEqual([]);
    expect(t.store.get().account.status).toBe('signed-out');
  });

  it('a rejected stored password: signed out, one notice, no retry, entry kept', async () => {
    const t = setup({ ...known, stored: { [`ada@${SERVER}`]: 'changed-since' } });
    expect(await t.account.signInSilently()).toBe(false);
    expect(t.api.signIns).toHaveLength(1);
    expect(t.watches).toEqual([]);
    expect(t.events).toHaveLength(1);
    expect(t.events[0]).toMatchObject({ event: 'connection', status: 'signed-out' });
    expect(t.events[0]?.body).not.toContain('changed-since');
    expect(t.credentials.entries.get(`ada@${SERVER}`)).toBe('changed-since');
  });

  it('an unreachable server: signed in as the saved user, offline and retrying, Sign out possible', async () => {
    const api = fakeApi(async () => {
      throw errorForNetwork({ code: 'ECONNREFUSED' }, 'team.evovoice.io');
    });
    const t = setup({ ...known, api, stored: { [`ada@${SERVER}`]: 's3cret' } });
    await t.account.signInSilently();
    expect(t.events).toEqual([]);
    expect(t.store.get().account).toMatchObject({
      status: 'signed-in',
      server: SERVER,
      user: { name: 'ada' },
    });
    expect(t.store.get().connection).toEqual({
      status: 'offline',
      detail: 'Cannot reach team.evovoice.io: connection refused. Retrying…',
    });
    // The watcher signs in with the stored password once the server answers.
    expect(await t.watches[0]?.request.password()).toBe('s3cret');
    t.watches[0]?.request.onSignedIn(PROFILE);
    expect(t.store.get().account.user).toEqual({ name: 'Ada Agent', email: 'ada@example.com' });

    await t.account.signOut();
    expect(t.store.get().account.status).toBe('signed-out');
    expect(t.watches[0]?.stopped).toBe(1);
  });

  it('a server error at start (not a rejection) shows as an error, still retrying', async () => {
    const api = fakeApi(async () => {
      throw new EvoApiError('server', 'Evo Voice had a problem (HTTP 503).');
    });
    const t = setup({ ...known, api, stored: { [`ada@${SERVER}`]: 's3cret' } });
    await t.account.signInSilently();
    expect(t.store.get().connection).toMatchObject({ status: 'error', detail: /Retrying/ });
    expect(t.watches[0]?.started).toBe(1);
  });

  it('a sign-out while the server has not answered yet cancels the sign-in', async () => {
    let answer: (p: AgentProfile) => void = () => {};
    const api = fakeApi(() => new Promise((resolve) => (answer = resolve)));
    const t = setup({ ...known, api, stored: { [`ada@${SERVER}`]: 's3cret' } });
    const pending = t.account.signInSilently();
    await vi.waitFor(() => expect(t.store.get().account.status).toBe('signing-in'));
    await t.account.signOut();
    answer(PROFILE);
    await pending;
    expect(t.store.get().account.status).toBe('signed-out');
    expect(t.watches).toEqual([]);
  });

  it('a watcher stopped by a sign-out cannot sign the agent back in', async () => {
    const t = setup({ ...known, stored: { [`ada@${SERVER}`]: 's3cret' } });
    await t.account.signInSilently();
    await t.account.signOut();
    t.watches[0]?.request.onSignedIn(PROFILE);
    expect(t.store.get().account.status).toBe('signed-out');
  });
});
