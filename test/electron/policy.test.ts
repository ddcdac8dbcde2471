// The built app with IT's policy in a file named by EVO_TRAY_POLICY_FILE (not packaged): its
// defaults fill what the agent has not chosen, its enforced settings show in AppState.policy and
// never change through updateSettings, a broken policy is ignored key by key (one log line each)
// and the app starts, and a policy changed while running is applied at once.
//   npm run build && npx vitest run test/electron/policy.test.ts
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type Settings, type WindowState } from '../../main/boundary/contract.js';
import type { LaunchOptions } from './app-harness.js';
import { AGENT, launch, lastState, signIns, simulator, stopAll } from './scenario.js';

afterEach(stopAll);

const TENANT = 'https://team.evovoice.io';

function policyFile(policy: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'evo-policy-')), 'policy.json');
  writeFileSync(file, typeof policy === 'string' ? policy : JSON.stringify(policy));
  return file;
}

async function startWith(file: string, options: LaunchOptions = {}) {
  const app = await launch({ ...options, env: { EVO_TRAY_POLICY_FILE: file } });
  await app.waitFor(
    'the bridge and its window',
    (x) => x.handlers.includes(IPC.getState) && x.windows.length > 0,
  );
  return app;
}

const stateOf = async (app: Awaited<ReturnType<typeof startWith>>) =>
  (await app.invoke(IPC.getState)) as WindowState;
const storedSettings = (userData: string) =>
  JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as Settings;
const count = (text: string, part: string) => text.split(part).length - 1;

describe('a policy file', () => {
  it('fills the server preset where the agent has not chosen, and keeps an agent choice', async () => {
    const file = policyFile({ defaults: { server: TENANT, pollIntervalMs: 9000 } });
    const app = await startWith(file, { settings: { pollIntervalMs: 4000 } });
    const state = await stateOf(app);
    expect(state.settings.server).toBe(TENANT);
    expect(state.settings.pollIntervalMs).toBe(4000);
    // Defaults are not enforced: nothing is locked.
    expect(state.policy).toEqual({ enforced: [] });
    // The policy's value is never written into the agent's own file.
    expect(storedSettings(app.userData).server).not.toBe(TENANT);
  });

  it('enforced keys are in AppState.policy, and updateSettings keeps them, applying the rest', async () => {
    const file = policyFile({
      enforced: { sound: false, alerts: { ringing: true }, pollIntervalMs: 7000 },
    });
    const app = await startWith(file);
    const state = await stateOf(app);
    expect(state.policy?.enforced.sort()).toEqual(['alerts.ringing', 'pollIntervalMs', 'sound']);
    expect(state.settings.sound).toBe(false);

    const resolved = (await app.invoke(IPC.updateSettings, [
      {
        sound: true,
        alerts: { ringing: false, held: false },
        openAtLogin: true,
        pollIntervalMs: 2000,
      },
    ])) as Settings;
    expect(resolved.sound).toBe(false);
    expect(resolved.alerts).toMatchObject({ ringing: true, held: false });
    expect(resolved.pollIntervalMs).toBe(7000);
    expect(resolved.openAtLogin).toBe(true);
    const pushed = lastState(await app.recording());
    expect(pushed?.settings).toEqual(resolved);
    expect(pushed?.policy?.enforced).toContain('sound');
    const stored = storedSettings(app.userData);
    expect(stored.alerts.held).toBe(false);
    expect(stored.openAtLogin).toBe(true);
  });

  it('an enforced server: the sign-in goes there, whatever server the window sent', async () => {
    const sim = await simulator();
    const app = await startWith(policyFile({ enforced: { server: sim.url } }));
    expect((await stateOf(app)).settings.server).toBe(sim.url);
    const result = await app.invoke(IPC.signIn, [
      {
        server: 'https://evovoice.io',
        username: AGENT.username,
        password: AGENT.password,
        remember: false,
      },
    ]);
    expect(result).toEqual({ ok: true });
    expect(signIns(sim)).toHaveLength(1);
    expect((await stateOf(app)).account.server).toBe(sim.url);
  });

  it('bad JSON: ignored with one log line, and the app starts without a policy', async () => {
    const file = policyFile('{ "enforced": { "sound": false ');
    const app = await startWith(file);
    const state = await stateOf(app);
    expect(state.policy).toBeUndefined();
    expect(state.settings.sound).toBe(true);
    expect(count(app.output(), `The policy file ${file} is not valid JSON`)).toBe(1);
  });

  it('one bad key: only it is ignored, said once, however often the policy is read', async () => {
    const file = policyFile({ enforced: { sound: 'loud', openAtLogin: true } });
    const app = await startWith(file);
    expect((await stateOf(app)).policy).toEqual({ enforced: ['openAtLogin'] });
    // Read again (the same document, written anew): still one line for the refusal.
    writeFileSync(file, JSON.stringify({ enforced: { sound: 'loud', checkForUpdates: false } }));
    await app.waitFor(
      'the policy read again',
      (r) => lastState(r)?.policy?.enforced.includes('checkForUpdates') ?? false,
    );
    const refusals = app
      .output()
      .split('\n')
      .filter((line) => /Policy .*sound/.test(line));
    expect(refusals).toHaveLength(1);
  });

  it('changed while running: applied at once, and the lock lifts when the key goes', async () => {
    const file = policyFile({ enforced: { sound: false } });
    const app = await startWith(file);
    expect((await stateOf(app)).settings.sound).toBe(false);
    writeFileSync(file, JSON.stringify({ enforced: { ringVolume: 0.25 } }));
    const r = await app.waitFor(
      'the new policy in force',
      (x) => lastState(x)?.policy?.enforced.join() === 'ringVolume',
    );
    expect(lastState(r)?.settings.ringVolume).toBe(0.25);
    // The agent's own value is back: the policy never overwrote it.
    expect(lastState(r)?.settings.sound).toBe(true);
  });
});
