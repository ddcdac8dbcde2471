// The built app with a settings file it cannot read, that is damaged or that is a planted link:
// it starts, keeps what it can, keeps a copy, tells the agent, never writes through a link,
// keeps the file to the agent alone (0600), reads it once, and never keeps a password in it.
//   npx electron-vite build && npx vitest run test/electron/settings-file.test.ts
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type WindowState } from '../../main/boundary/contract.js';
import type { LaunchOptions } from './app-harness.js';
import { launch, mainWindows, stopAll } from './scenario.js';

afterEach(stopAll);

const saved = { server: 'https://team.evovoice.io', username: 'ada', sound: false };

async function startWith(write: (file: string) => void, options: LaunchOptions = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'evo-app-'));
  const file = join(userData, 'settings.json');
  write(file);
  const app = await launch({ ...options, userData });
  // The bridge answers only its window: wait for both (the window opens at start here).
  await app.waitFor(
    'the bridge and its window',
    (x) => x.handlers.includes(IPC.getState) && x.windows.length > 0,
  );
  const state = (await app.invoke(IPC.getState)) as WindowState;
  return { app, state, file };
}

describe('a settings file that cannot be read', () => {
  it('a directory: the app starts on the defaults and tells the agent', async () => {
    const { state } = await startWith((file) => mkdirSync(file));
    expect(state.settings.username).toBe('');
    expect(state.account.notice).toMatch(/settings could not be read/);
  });

  it('no permission: the same', async () => {
    const { state } = await startWith(
      (file) => {
        writeFileSync(file, JSON.stringify(saved));
        chmodSync(file, 0o000);
      },
      // As root (CI) the app would read a mode-000 file anyway: it runs without that power.
      { withoutFileOverride: true },
    );
    expect(state.account.notice).toMatch(/settings could not be read/);
  });
});

describe('a damaged settings file', () => {
  it('with a byte-order mark (Windows Notepad): every setting kept, no notice', async () => {
    const { state } = await startWith((file) =>
      writeFileSync(file, `\uFEFF${JSON.stringify(saved)}`),
    );
    expect(state.settings).toMatchObject(saved);
    expect(state.account.notice).toBeUndefined();
  });

  it('cut short: the whole fields kept, a .bad copy, and the agent told', async () => {
    const text = JSON.stringify({ ...saved, pollIntervalMs: 5000 });
    const cut = text.slice(0, text.indexOf('"pollIntervalMs"') + 5);
    const { state, file } = await startWith((f) => writeFileSync(f, cut));
    expect(state.settings).toMatchObject(saved);
    expect(readFileSync(`${file}.bad`, 'utf8')).toBe(cut);
    expect(state.account.notice).toMatch(/\.bad/);
  });

  it.each([
    ['empty', ''],
    ['NUL-filled', '\0'.repeat(256)],
    ['a JSON array', '["ada"]'],
  ])('%s: the defaults, and a .bad copy', async (_name, bad) => {
    const { state, file } = await startWith((f) => writeFileSync(f, bad));
    expect(state.settings.username).toBe('');
    expect(readFileSync(`${file}.bad`, 'utf8')).toBe(bad);
  });
});

describe('a password in the settings file', () => {
  it('is removed at start even from a file already migrated, and stays out after a save', async () => {
    const { app, file } = await startWith((f) =>
      writeFileSync(
        f,
        JSON.stringify({
          ...saved,
          password: 'hunter2',
          __internal__: { migrations: { version: '0.1.0' } },
        }),
      ),
    );
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    await app.invoke(IPC.updateSettings, [{ sound: true }]);
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
  });
});

describe('a link planted at the settings path', () => {
  it('is not followed: the file it names is untouched, the app runs on the defaults', async () => {
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'evo-victim-')), 'victim.txt');
    writeFileSync(elsewhere, 'not settings');
    const { app, state, file } = await startWith((f) => symlinkSync(elsewhere, f));
    expect(state.account.notice).toMatch(/settings could not be read/);
    expect(state.settings.username).toBe('');
    await app.invoke(IPC.updateSettings, [{ sound: false }]);
    expect(readFileSync(elsewhere, 'utf8')).toBe('not settings');
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readlinkSync(file)).toBe(elsewhere);
    expect(existsSync(`${file}.bad`)).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('the settings file mode', () => {
  it('a new file is 0600', async () => {
    const { app, file } = await startWith(() => {});
    await app.invoke(IPC.updateSettings, [{ sound: false }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('an existing 0644 file is made 0600 at start, and stays so after a save', async () => {
    const { app, file } = await startWith((f) => {
      writeFileSync(f, JSON.stringify(saved));
      chmodSync(f, 0o644);
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await app.invoke(IPC.updateSettings, [{ sound: true }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ ...saved, sound: true });
  });
});

describe('a settings file too large to be settings', () => {
  it('2 MB: treated as damaged, the defaults, a .bad copy, and the agent told', async () => {
    const big = JSON.stringify({ ...saved, filler: 'x'.repeat(2 * 1024 * 1024) });
    const { state, file } = await startWith((f) => writeFileSync(f, big));
    expect(state.settings.username).toBe('');
    expect(readFileSync(`${file}.bad`, 'utf8')).toBe(big);
    expect(state.account.notice).toMatch(/\.bad/);
    expect(statSync(file).size).toBeLessThan(64 * 1024);
  });
});

describe('reading the settings file', () => {
  it('reads it from disk once, however often the settings are read and saved', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'evo-app-'));
    const file = join(userData, 'settings.json');
    const reads = join(userData, 'reads.log');
    writeFileSync(file, JSON.stringify(saved));
    writeFileSync(reads, '');
    const counter = resolve(import.meta.dirname, 'count-reads.mjs');
    const app = await launch({
      userData,
      env: {
        NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${counter}`.trim(),
        EVO_COUNT_READS_OF: file,
        EVO_COUNT_READS_LOG: reads,
      },
    });
    // The bridge answers only the window's own frame: a request before the window exists is
    // refused, as the app must (on a loaded machine the handlers come first by a long way).
    await app.waitFor(
      'the bridge and the window',
      (x) => x.handlers.includes(IPC.getState) && mainWindows(x).length > 0,
    );
    for (const sound of [true, false, true]) {
      await app.invoke(IPC.updateSettings, [{ sound }]);
      expect(((await app.invoke(IPC.getState)) as WindowState).settings.sound).toBe(sound);
    }
    const lines = readFileSync(reads, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
  });
});
