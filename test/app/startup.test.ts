import { describe, expect, it, vi } from 'vitest';
import type { SignInResult } from '../../main/contract.js';
import { startUp } from '../../main/app/startup.js';

function fakeAccount(demo: SignInResult = { ok: true }, signedInSilently = true) {
  return {
    startDemo: vi.fn(async () => demo),
    signInSilently: vi.fn(async () => signedInSilently),
  };
}

describe('startUp', () => {
  it('--demo that fails to start opens the window, where account.error says why', async () => {
    const account = fakeAccount({ ok: false, error: 'The demo could not start: no free port' });
    const openWindow = vi.fn();
    await startUp({ argv: ['electron', '.', '--demo'], account, hasAccount: true, openWindow });
    expect(account.startDemo).toHaveBeenCalledOnce();
    expect(openWindow).toHaveBeenCalledOnce();
    expect(account.signInSilently).not.toHaveBeenCalled();
  });

  it('--demo that starts stays in the tray', async () => {
    const account = fakeAccount();
    const openWindow = vi.fn();
    await startUp({ argv: ['--demo'], account, hasAccount: false, openWindow });
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('a first run opens the window to sign in', async () => {
    const account = fakeAccount();
    const openWindow = vi.fn();
    await startUp({ argv: [], account, hasAccount: false, openWindow });
    expect(openWindow).toHaveBeenCalledOnce();
    expect(account.signInSilently).not.toHaveBeenCalled();
  });

  it('a known agent is signed in silently, without a window', async () => {
    const account = fakeAccount();
    const openWindow = vi.fn();
    await startUp({ argv: [], account, hasAccount: true, openWindow });
    expect(account.signInSilently).toHaveBeenCalledOnce();
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('a known agent without a remembered (or with a rejected) password gets the sign-in window', async () => {
    const account = fakeAccount({ ok: true }, false);
    const openWindow = vi.fn();
    await startUp({ argv: [], account, hasAccount: true, openWindow });
    expect(account.signInSilently).toHaveBeenCalledOnce();
    expect(openWindow).toHaveBeenCalledOnce();
  });
});
