// IT's policy in the running app (main/app/policy.ts): read at start and at each change of its
// source, shown in AppState.policy, and, with allowRememberPassword false, a password never kept.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import { createAppPolicy, policySourceAt, withPolicy } from '../../main/app/policy.js';
import { initialAppState } from '../../main/app/app-state.js';
import type { Logger } from '../../main/log.js';
import type { PolicySource } from '../../main/policy/source.js';
import { SERVER, request, setup } from './account-fakes.js';

function recordingLog() {
  const warnings: string[] = [];
  const log: Logger = {
    debug: () => {},
    info: () => {},
    warn: (m: string) => void warnings.push(m),
    error: () => {},
  };
  return { log, warnings };
}

/** A source whose document the test sets, and whose change events the test fires. */
function fakeSource(first: unknown) {
  let document = first;
  let reads = 0;
  let fire: () => void = () => {};
  const source: PolicySource = {
    read: async () => {
      reads++;
      return document;
    },
    watch(onChange) {
      fire = onChange;
      return () => (fire = () => {});
    },
  };
  return {
    source,
    set: (next: unknown) => (document = next),
    fire: () => fire(),
    reads: () => reads,
  };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('createAppPolicy', () => {
  it('lays the policy over the stored settings and takes enforced keys out of a patch', async () => {
    const { source } = fakeSource({
      defaults: { server: 'https://team.evovoice.io' },
      enforced: { sound: false, alerts: { held: false } },
    });
    const policy = createAppPolicy(source, recordingLog().log);
    await policy.load();
    const settings = policy.effective({ ...DEFAULT_SETTINGS, sound: true });
    expect(settings.server).toBe('https://team.evovoice.io');
    expect(settings.sound).toBe(false);
    expect(settings.alerts.held).toBe(false);
    expect(policy.view()).toEqual({ enforced: ['sound', 'alerts.held'] });
    expect(
      policy.patch({ sound: true, alerts: { held: true, missed: false }, openAtLogin: true }),
    ).toEqual({ alerts: { missed: false }, openAtLogin: true });
  });

  it('signs in to the enforced server whatever the window sent, and as sent without one', async () => {
    const { source } = fakeSource({ enforced: { server: 'https://team.evovoice.io' } });
    const policy = createAppPolicy(source, recordingLog().log);
    const sent = request({ server: 'https://evovoice.io' });
    await policy.load();
    expect(policy.signInRequest(sent)).toEqual({ ...sent, server: 'https://team.evovoice.io' });
    expect(createAppPolicy(undefined, recordingLog().log).signInRequest(sent)).toBe(sent);
  });

  it('no source, or no document: no policy, nothing in the state', async () => {
    for (const source of [undefined, fakeSource(undefined).source]) {
      const policy = createAppPolicy(source, recordingLog().log);
      await policy.load();
      expect(policy.view()).toBeUndefined();
      expect(policy.mayRememberPassword()).toBe(true);
      expect(policy.allowedScreenPopOrigins()).toBeUndefined();
    }
  });

  it('gives the screen pop its allowed origins and the account whether to keep passwords', async () => {
    const { source } = fakeSource({
      allowedScreenPopOrigins: ['https://crm.example.com'],
      allowRememberPassword: false,
    });
    const policy = createAppPolicy(source, recordingLog().log);
    await policy.load();
    expect(policy.allowedScreenPopOrigins()).toEqual(['https://crm.example.com']);
    expect(policy.mayRememberPassword()).toBe(false);
    expect(policy.view()).toEqual({ enforced: [], allowRememberPassword: false });
  });

  it('re-reads at a change, then says so once for a burst of events', async () => {
    const file = fakeSource({ enforced: { sound: false } });
    const policy = createAppPolicy(file.source, recordingLog().log);
    await policy.load();
    const changes: (string[] | undefined)[] = [];
    policy.follow(() => changes.push(policy.view()?.enforced));
    file.set({ enforced: { openAtLogin: true } });
    file.fire();
    file.fire();
    file.fire();
    await vi.waitFor(() => expect(changes).toEqual([['openAtLogin']]));
    await settle();
    expect(changes).toHaveLength(1);
    file.set(undefined);
    file.fire();
    await vi.waitFor(() => expect(changes).toEqual([['openAtLogin'], undefined]));
  });

  it('logs each refused key once, however often it is read again', async () => {
    const file = fakeSource({ enforced: { sound: 'loud', openAtLogin: true } });
    const { log, warnings } = recordingLog();
    const policy = createAppPolicy(file.source, log);
    await policy.load();
    const changed = vi.fn();
    policy.follow(changed);
    file.set({ enforced: { sound: 'loud', checkForUpdates: false } });
    file.fire();
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/sound/);
    expect(policy.view()).toEqual({ enforced: ['checkForUpdates'] });
  });

  it('the same policy read again (a touched file) tells nobody', async () => {
    const file = fakeSource({ enforced: { sound: false } });
    const policy = createAppPolicy(file.source, recordingLog().log);
    await policy.load();
    const changed = vi.fn();
    policy.follow(changed);
    file.fire();
    await vi.waitFor(() => expect(file.reads()).toBe(2));
    await settle();
    expect(changed).not.toHaveBeenCalled();
  });

  it('a source that cannot watch (registry, profile) is read again at each recheck', async () => {
    let document: unknown = { enforced: { sound: false } };
    const source: PolicySource = { read: async () => document };
    let recheck: () => void = () => {};
    let stopped = false;
    const policy = createAppPolicy(source, recordingLog().log, (reread) => {
      recheck = reread;
      return () => void (stopped = true);
    });
    await policy.load();
    const changes: (string[] | undefined)[] = [];
    const stop = policy.follow(() => changes.push(policy.view()?.enforced));
    document = { enforced: { openAtLogin: true } };
    recheck();
    await vi.waitFor(() => expect(changes).toEqual([['openAtLogin']]));
    stop();
    expect(stopped).toBe(true);
  });
});

describe('policySourceAt', () => {
  it('a packaged app on Linux reads /etc/evo-voice-tray/policy.json, whatever the environment', async () => {
    const source = policySourceAt({
      platform: 'linux',
      packaged: true,
      env: { EVO_TRAY_POLICY_FILE: '/tmp/agent-own-policy.json' },
      appId: 'io.evovoice.tray',
      user: 'ada',
    });
    // /etc/evo-voice-tray does not exist here: no policy, where a read of the agent's would fail.
    await expect(source?.read()).resolves.toBeUndefined();
  });

  it('no place on an unknown system', () => {
    const place = { platform: 'aix' as const, packaged: true, env: {}, appId: 'x', user: 'y' };
    expect(policySourceAt(place)).toBeUndefined();
  });
});

describe('withPolicy', () => {
  it('sets the view, and drops the field when the policy goes', () => {
    const state = initialAppState(DEFAULT_SETTINGS, 'available');
    const locked = withPolicy(state, { enforced: ['sound'] });
    expect(locked.policy).toEqual({ enforced: ['sound'] });
    expect('policy' in withPolicy(locked, undefined)).toBe(false);
    expect(withPolicy(state, undefined)).toBe(state);
  });
});

describe('the account when IT forbids keeping the password', () => {
  it('keeps nothing in the keychain, deletes what was there, and re-signs in from memory', async () => {
    const t = setup({
      stored: { [`ada@${SERVER}`]: 'older' },
      mayRememberPassword: () => false,
    });
    expect(await t.account.signIn(request({ remember: true }))).toEqual({ ok: true });
    expect(t.credentials.entries.size).toBe(0);
    await expect(t.watches[0]?.request.password()).resolves.toBe('s3cret');
  });

  it('never uses a password saved earlier for the silent sign-in, and deletes it', async () => {
    const t = setup({
      stored: { [`ada@${SERVER}`]: 's3cret' },
      settings: { server: SERVER, username: 'ada' },
      mayRememberPassword: () => false,
    });
    expect(await t.account.signInSilently()).toBe(false);
    expect(t.api.signIns).toEqual([]);
    expect(t.credentials.entries.size).toBe(0);
  });

  it('remembers as before when the policy allows it', async () => {
    const t = setup({ mayRememberPassword: () => true });
    await t.account.signIn(request({ remember: true }));
    expect([...t.credentials.entries.values()]).toEqual(['s3cret']);
  });
});
