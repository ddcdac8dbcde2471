// A saved password the server refused is never sent again, at this start or any later one:
// the mark survives restarts (a file, nothing secret in it) and only a typed password clears it.
import { describe, expect, it } from 'vitest';
import { createRejectedPasswords, memoryMarkFile } from '../../main/credentials/rejected.js';
import { SERVER, fakeApi, acceptOnly, request, setup } from './account-fakes.js';

const known = { settings: { server: SERVER, username: 'ada' } };

describe('a rejected saved password across restarts', () => {
  it('three restarts send the refused password once, and the file holds nothing secret', async () => {
    const file = memoryMarkFile();
    const api = fakeApi(acceptOnly('s3cret'));
    for (let start = 0; start < 3; start++) {
      const t = setup({
        ...known,
        api,
        stored: { [`ada@${SERVER}`]: 'changed-since' },
        rejected: createRejectedPasswords(file),
      });
      expect(await t.account.signInSilently()).toBe(false);
      if (start > 0) {
        expect(t.store.get().account).toMatchObject({ status: 'signed-out' });
        expect(t.store.get().account.error).toMatch(/not accepted.*sign in again/i);
      }
    }
    expect(api.signIns).toHaveLength(1);
    expect(file.text).toContain(`ada@${SERVER}`);
    expect(file.text).not.toContain('changed-since');
  });

  it('a typed password that is accepted clears the mark: the next start signs in silently', async () => {
    const file = memoryMarkFile();
    const api = fakeApi(acceptOnly('s3cret'));
    const first = setup({
      ...known,
      api,
      stored: { [`ada@${SERVER}`]: 'old' },
      rejected: createRejectedPasswords(file),
    });
    await first.account.signInSilently();
    expect(await first.account.signIn(request())).toEqual({ ok: true });
    const next = setup({
      ...known,
      api,
      stored: { [`ada@${SERVER}`]: 's3cret' },
      rejected: createRejectedPasswords(file),
    });
    expect(await next.account.signInSilently()).toBe(true);
    expect(api.signIns.map((s) => s.password)).toEqual(['old', 's3cret', 's3cret']);
  });

  it('a typed password that is refused keeps the mark on the saved one', async () => {
    const file = memoryMarkFile();
    const api = fakeApi(acceptOnly('s3cret'));
    const first = setup({
      ...known,
      api,
      stored: { [`ada@${SERVER}`]: 'old' },
      rejected: createRejectedPasswords(file),
    });
    await first.account.signInSilently();
    expect((await first.account.signIn(request({ password: 'typo' }))).ok).toBe(false);
    const next = setup({
      ...known,
      api,
      stored: { [`ada@${SERVER}`]: 'old' },
      rejected: createRejectedPasswords(file),
    });
    expect(await next.account.signInSilently()).toBe(false);
    expect(api.signIns.map((s) => s.password)).toEqual(['old', 'typo']);
  });

  it("the watcher's refused re-sign-in is remembered, and the watcher gets no password after", async () => {
    const file = memoryMarkFile();
    const t = setup({
      ...known,
      stored: { [`ada@${SERVER}`]: 's3cret' },
      rejected: createRejectedPasswords(file),
    });
    expect(await t.account.signInSilently()).toBe(true);
    const watch = t.watches[0]?.request;
    expect(await watch?.password()).toBe('s3cret');
    watch?.onPasswordRejected();
    expect(await watch?.password()).toBeNull();
    const next = setup({
      ...known,
      stored: { [`ada@${SERVER}`]: 's3cret' },
      rejected: createRejectedPasswords(file),
    });
    expect(await next.account.signInSilently()).toBe(false);
    expect(next.api.signIns).toEqual([]);
  });

  it('an unreadable mark file counts as no marks', async () => {
    const t = setup({
      ...known,
      stored: { [`ada@${SERVER}`]: 's3cret' },
      rejected: createRejectedPasswords(memoryMarkFile('\u0000{')),
    });
    expect(await t.account.signInSilently()).toBe(true);
  });
});
