import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../main/log.js';
import { LINUX_POLICY_FILE, choosePolicySource } from '../../main/policy/choose.js';
import { filePolicySource } from '../../main/policy/file-source.js';
import { macPolicyPaths, macPolicySource } from '../../main/policy/mac-source.js';
import type { PlistReader } from '../../main/policy/mac-source.js';
import { parseRegQuery } from '../../main/policy/reg-query.js';
import { PolicyReadError, policyLoader } from '../../main/policy/source.js';
import type { PolicySource } from '../../main/policy/source.js';
import { POLICY_REGISTRY_KEY, windowsPolicySource } from '../../main/policy/windows-source.js';
import type {
  RegistryHive,
  RegistryReader,
  RegistryValue,
} from '../../main/policy/windows-source.js';

function recordingLog(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, error() {}, warn: (m) => void warnings.push(m) };
}

describe('filePolicySource', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'evo-policy-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the JSON file, a byte-order mark and all', async () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, '\uFEFF{"enforced":{"sound":false}}');
    await expect(filePolicySource(path).read()).resolves.toEqual({ enforced: { sound: false } });
  });

  it('is no policy without the file', async () => {
    await expect(filePolicySource(join(dir, 'none.json')).read()).resolves.toBeUndefined();
  });

  it('refuses bad JSON and an unreadable file, saying where', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"enforced":');
    await expect(filePolicySource(bad).read()).rejects.toThrow(/bad\.json is not valid JSON/);
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    await expect(filePolicySource(folder).read()).rejects.toBeInstanceOf(PolicyReadError);
  });

  it('watches through the injected watcher, for the file it reads', () => {
    const watched: string[] = [];
    let stopped = false;
    const source = filePolicySource('/etc/evo-voice-tray/policy.json', (path, onChange) => {
      watched.push(path);
      onChange();
      return () => void (stopped = true);
    });
    let changes = 0;
    const stop = source.watch?.(() => changes++);
    stop?.();
    expect({ watched, changes, stopped }).toEqual({
      watched: ['/etc/evo-voice-tray/policy.json'],
      changes: 1,
      stopped: true,
    });
  });
});

function fakeRegistry(
  hives: Partial<Record<RegistryHive, Record<string, RegistryValue> | Error>>,
): RegistryReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    values(hive, key) {
      asked.push(`${hive}\\${key}`);
      const values = hives[hive];
      if (values instanceof Error) return Promise.reject(values);
      return Promise.resolve(values === undefined ? undefined : new Map(Object.entries(values)));
    },
  };
}

const sz = (value: string): RegistryValue => ({ type: 'REG_SZ', value });
const dword = (value: number): RegistryValue => ({ type: 'REG_DWORD', value });

describe('windowsPolicySource', () => {
  it('reads one value per dotted key from HKLM and HKCU, HKLM winning per key', async () => {
    const registry = fakeRegistry({
      HKLM: {
        'enforced.server': sz('https://team.evovoice.io'),
        'enforced.alerts.ringing': dword(1),
        'defaults.ringVolume': sz('0.5'),
        allowRememberPassword: dword(0),
        allowedScreenPopOrigins: { type: 'REG_MULTI_SZ', value: ['https://crm.example.com'] },
      },
      HKCU: {
        'enforced.server': sz('https://evil.example'),
        'enforced.alerts.held': dword(0),
        'Defaults.PollIntervalMs': dword(5000),
        'defaults.screenPop.url': sz('https://crm.example.com/?q={from}'),
        allowRememberPassword: dword(1),
      },
    });
    const raw = await windowsPolicySource(registry).read();
    expect(registry.asked).toEqual([
      `HKLM\\${POLICY_REGISTRY_KEY}`,
      `HKCU\\${POLICY_REGISTRY_KEY}`,
    ]);
    expect(raw).toEqual({
      enforced: {
        server: 'https://team.evovoice.io',
        alerts: { ringing: true, held: false },
      },
      defaults: {
        ringVolume: 0.5,
        pollIntervalMs: 5000,
        screenPop: { url: 'https://crm.example.com/?q={from}' },
      },
      allowRememberPassword: false,
      allowedScreenPopOrigins: ['https://crm.example.com'],
    });
  });

  it('is no policy when neither key exists, and one hive’s policy when only it exists', async () => {
    await expect(windowsPolicySource(fakeRegistry({})).read()).resolves.toBeUndefined();
    await expect(
      windowsPolicySource(
        fakeRegistry({
          HKCU: { allowedScreenPopOrigins: sz('https://a.example https://b.example') },
        }),
      ).read(),
    ).resolves.toEqual({ allowedScreenPopOrigins: ['https://a.example', 'https://b.example'] });
  });

  it('leaves unknown and mistyped values in, for the document to refuse by name', async () => {
    const loader = policyLoader(
      windowsPolicySource(
        fakeRegistry({
          HKLM: {
            'enforced.sound': sz('loud'),
            theme: sz('dark'),
            'enforced.openAtLogin': dword(1),
          },
        }),
      ),
      recordingLog(),
    );
    await expect(loader.load()).resolves.toEqual({
      defaults: {},
      enforced: { openAtLogin: true },
    });
  });

  it('refuses the policy when a hive cannot be read', async () => {
    const source = windowsPolicySource(fakeRegistry({ HKLM: new Error('access denied') }));
    await expect(source.read()).rejects.toThrow(
      /HKLM\\SOFTWARE\\Policies\\EvoVoiceTray cannot be read/,
    );
  });
});

describe('parseRegQuery', () => {
  it('reads reg.exe’s output: text, numbers and lists', () => {
    const stdout = [
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\EvoVoiceTray',
      '    enforced.server    REG_SZ    https://team.evovoice.io',
      '    enforced.alerts.ringing    REG_DWORD    0x1',
      '    allowedScreenPopOrigins    REG_MULTI_SZ    https://a.example\\0https://b.example',
      '    defaults.globalShortcut    REG_SZ',
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\EvoVoiceTray\\Sub',
      '',
    ].join('\r\n');
    expect(Object.fromEntries(parseRegQuery(stdout))).toEqual({
      'enforced.server': { type: 'REG_SZ', value: 'https://team.evovoice.io' },
      'enforced.alerts.ringing': { type: 'REG_DWORD', value: 1 },
      allowedScreenPopOrigins: {
        type: 'REG_MULTI_SZ',
        value: ['https://a.example', 'https://b.example'],
      },
      'defaults.globalShortcut': { type: 'REG_SZ', value: '' },
    });
  });
});

function fakePlists(files: Record<string, unknown>): PlistReader {
  return {
    read: (path) =>
      path in files
        ? files[path] instanceof Error
          ? Promise.reject(files[path] as Error)
          : Promise.resolve(files[path])
        : Promise.resolve(undefined),
  };
}

describe('macPolicySource', () => {
  const paths = macPolicyPaths('io.evovoice.tray', 'ada');

  it('reads the computer’s and the user’s managed preferences, the computer’s winning', async () => {
    expect(paths).toEqual({
      computer: '/Library/Managed Preferences/io.evovoice.tray.plist',
      user: '/Library/Managed Preferences/ada/io.evovoice.tray.plist',
    });
    const source = macPolicySource(
      fakePlists({
        [paths.computer]: {
          enforced: { server: 'https://team.evovoice.io', alerts: { ringing: true } },
          allowRememberPassword: false,
          PayloadUUID: 'ignored-by-name',
        },
        [paths.user]: {
          enforced: { server: 'https://evil.example', alerts: { held: false } },
          defaults: { sound: false },
          allowRememberPassword: true,
        },
      }),
      'io.evovoice.tray',
      'ada',
    );
    await expect(source.read()).resolves.toEqual({
      enforced: { server: 'https://team.evovoice.io', alerts: { ringing: true, held: false } },
      defaults: { sound: false },
      allowRememberPassword: false,
      PayloadUUID: 'ignored-by-name',
    });
  });

  it('is no policy without a profile, and refuses one it cannot read', async () => {
    await expect(
      macPolicySource(fakePlists({}), 'io.evovoice.tray', 'ada').read(),
    ).resolves.toBeUndefined();
    await expect(
      macPolicySource(
        fakePlists({ [paths.user]: new Error('plutil failed') }),
        'io.evovoice.tray',
        'ada',
      ).read(),
    ).rejects.toThrow(/ada\/io\.evovoice\.tray\.plist cannot be read/);
  });
});

describe('choosePolicySource', () => {
  const place = { packaged: true, env: {}, appId: 'io.evovoice.tray', user: 'ada' };

  it('reads each system’s own place when packaged', () => {
    expect(choosePolicySource({ ...place, platform: 'win32' })).toEqual({
      kind: 'windows-registry',
    });
    expect(choosePolicySource({ ...place, platform: 'darwin' })).toEqual({
      kind: 'mac-managed-preferences',
      appId: 'io.evovoice.tray',
      user: 'ada',
    });
    expect(choosePolicySource({ ...place, platform: 'linux' })).toEqual({
      kind: 'file',
      path: LINUX_POLICY_FILE,
    });
    expect(choosePolicySource({ ...place, platform: 'freebsd' })).toEqual({ kind: 'none' });
  });

  it('takes EVO_TRAY_POLICY_FILE outside a packaged app only', () => {
    const env = { EVO_TRAY_POLICY_FILE: '/tmp/trial.json' };
    expect(choosePolicySource({ ...place, platform: 'win32', packaged: false, env })).toEqual({
      kind: 'file',
      path: '/tmp/trial.json',
    });
    expect(choosePolicySource({ ...place, platform: 'win32', packaged: true, env })).toEqual({
      kind: 'windows-registry',
    });
    expect(
      choosePolicySource({
        ...place,
        platform: 'linux',
        packaged: false,
        env: { EVO_TRAY_POLICY_FILE: ' ' },
      }),
    ).toEqual({ kind: 'file', path: LINUX_POLICY_FILE });
  });
});

describe('policyLoader', () => {
  it('logs each refusal once however often the policy is read, and keeps the rest', async () => {
    let raw: unknown = { enforced: { sound: 'loud', openAtLogin: false } };
    const source: PolicySource = { read: () => Promise.resolve(raw) };
    const log = recordingLog();
    const loader = policyLoader(source, log);
    await expect(loader.load()).resolves.toEqual({
      defaults: {},
      enforced: { openAtLogin: false },
    });
    await loader.load();
    expect(log.warnings).toEqual([
      'Policy enforced.sound: Sound must be on or off (got text). It is ignored.',
    ]);
    raw = { enforced: { openAtLogin: 1 } };
    await loader.load();
    expect(log.warnings).toHaveLength(2);
  });

  it('starts without a policy when it cannot be read, saying why once', async () => {
    const log = recordingLog();
    const loader = policyLoader(
      { read: () => Promise.reject(new PolicyReadError('The policy file x is not valid JSON.')) },
      log,
    );
    await expect(loader.load()).resolves.toBeUndefined();
    await expect(loader.load()).resolves.toBeUndefined();
    expect(log.warnings).toEqual(['The policy file x is not valid JSON.']);
  });
});
