// The update checker with an injected updater (electron-updater's events and calls) and a
// hand-driven clock: when it checks, what it reports, what a broken feed costs.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, type UpdateState } from '../../main/boundary/contract.js';
import type { Logger } from '../../main/log.js';
import { createUpdateChecker } from '../../main/updates/checker.js';
import { UPDATE_CHECK_EVERY_MS } from '../../main/updates/rules.js';
import { ringing, signedInState } from '../app/build.js';

type Answer = 'none' | { version: string } | Error;

function setup(answers: Answer[], settings: Partial<Settings> = {}) {
  const emitter = new EventEmitter();
  const calls = { checks: 0, installs: 0 };
  const updater = Object.assign(emitter, {
    async checkForUpdates() {
      calls.checks++;
      const answer = answers.shift() ?? 'none';
      if (answer instanceof Error) {
        // As electron-updater does: 'error' first, then the rejection.
        emitter.emit('error', answer);
        throw answer;
      }
      if (answer === 'none') return { downloadPromise: null };
      emitter.emit('update-available', answer);
      return { downloadPromise: Promise.resolve() };
    },
    quitAndInstall: () => void calls.installs++,
  });
  const ticks: (() => void)[] = [];
  let every = 0;
  const lines: string[] = [];
  const log: Logger = {
    debug: () => {},
    info: () => {},
    warn: (m) => void lines.push(m),
    error: (m) => void lines.push(m),
  };
  const changes: UpdateState[] = [];
  let app = signedInState();
  const checker = createUpdateChecker({
    updater,
    settings: () => ({ ...DEFAULT_SETTINGS, ...settings }),
    appState: () => app,
    onChange: (u) => void changes.push(u),
    log,
    timers: {
      every(ms, run) {
        every = ms;
        ticks.push(run);
        return () => ticks.splice(ticks.indexOf(run), 1);
      },
    },
  });
  const settle = () => new Promise((r) => setImmediate(r));
  return {
    checker,
    updater,
    calls,
    lines,
    changes,
    settle,
    every: () => every,
    tick: async () => {
      for (const run of [...ticks]) run();
      await settle();
    },
    setApp: (next: typeof app) => void (app = next),
  };
}

describe('the update checker', () => {
  it('checks at start and every six hours; no update: nothing reported, nothing logged', async () => {
    const t = setup(['none', 'none']);
    t.checker.start();
    await t.settle();
    expect(t.calls.checks).toBe(1);
    expect(t.every()).toBe(UPDATE_CHECK_EVERY_MS);
    await t.tick();
    expect(t.calls.checks).toBe(2);
    expect(t.changes).toEqual([]);
    expect(t.lines).toEqual([]);
  });

  it('an update found downloads in the background and becomes ready', async () => {
    const t = setup([{ version: '0.2.0' }]);
    t.checker.start();
    await t.settle();
    expect(t.changes).toEqual([{ status: 'downloading', version: '0.2.0' }]);
    t.updater.emit('update-downloaded', { version: '0.2.0' });
    expect(t.checker.state()).toEqual({ status: 'ready', version: '0.2.0' });
    // Ready: later checks would only download it again.
    await t.tick();
    expect(t.calls.checks).toBe(1);
  });

  it('a broken feed: one log line per check, no state change', async () => {
    const t = setup([new Error('HttpError: 404 Not Found\n  at stack line')]);
    t.checker.start();
    await t.settle();
    expect(t.lines).toEqual(['Update check failed: HttpError: 404 Not Found']);
    expect(t.changes).toEqual([]);
  });

  it('a download that fails later: one log line, back to idle', async () => {
    const t = setup([{ version: '0.2.0' }]);
    t.checker.start();
    await t.settle();
    t.updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(t.lines).toEqual(['Update check failed: sha512 checksum mismatch']);
    expect(t.checker.state()).toEqual({ status: 'idle' });
  });

  it('with checks turned off it never asks the feed', async () => {
    const t = setup([{ version: '0.2.0' }], { checkForUpdates: false });
    t.checker.start();
    await t.settle();
    await t.tick();
    expect(t.calls.checks).toBe(0);
  });

  it('restarts on the agent’s word only when no call is on', async () => {
    const t = setup([{ version: '0.2.0' }]);
    expect(t.checker.restart()).toBe(false);
    t.checker.start();
    await t.settle();
    t.updater.emit('update-downloaded', { version: '0.2.0' });
    t.setApp(signedInState([ringing('a')]));
    expect(t.checker.restart()).toBe(false);
    expect(t.calls.installs).toBe(0);
    t.setApp(signedInState());
    expect(t.checker.restart()).toBe(true);
    expect(t.calls.installs).toBe(1);
  });
});
