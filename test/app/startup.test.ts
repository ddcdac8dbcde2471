import { describe, expect, it, vi } from 'vitest';
import type { SignInResult } from '../../main/boundary/contract.js';
import { EventEmitter } from 'node:events';
import { silentLogger } from '../../main/log.js';
import { keepAliveOnErrors, secondLaunches, startUp } from '../../main/app/startup.js';

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

describe('secondLaunches', () => {
  it('a second launch during start-up opens the window once it is ready, not before', () => {
    const launches = secondLaunches();
    launches.onSecondLaunch();
    launches.onSecondLaunch();
    const openWindow = vi.fn();
    launches.ready(openWindow);
    expect(openWindow).toHaveBeenCalledOnce();
    launches.onSecondLaunch();
    expect(openWindow).toHaveBeenCalledTimes(2);
  });

  it('no second launch: ready opens nothing', () => {
    const openWindow = vi.fn();
    secondLaunches().ready(openWindow);
    expect(openWindow).not.toHaveBeenCalled();
  });
});

describe('keepAliveOnErrors', () => {
  it('logs an unhandled rejection and an uncaught exception through the app logger', () => {
    const proc = new EventEmitter();
    const errors: string[] = [];
    keepAliveOnErrors(proc, () => ({ ...silentLogger, error: (m) => errors.push(m) }));
    proc.emit('unhandledRejection', new Error('poll blew up'));
    proc.emit('uncaughtException', new Error('timer blew up'));
    proc.emit('unhandledRejection', 'a bare string');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/Unhandled rejection.*poll blew up/);
    expect(errors[1]).toMatch(/Uncaught exception.*timer blew up/);
    expect(errors[2]).toMatch(/a bare string/);
  });
});

describe('keepAliveOnErrors before the app logger exists', () => {
  it('writes to stderr instead of crashing', () => {
    const proc = new EventEmitter();
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    keepAliveOnErrors(proc, () => null);
    proc.emit('uncaughtException', new Error('too early'));
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/too early/));
    stderr.mockRestore();
  });
});
