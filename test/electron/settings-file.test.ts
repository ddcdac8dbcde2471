// The built app with a settings file it cannot read or that is damaged: it starts, keeps what
// it can, keeps a copy, tells the agent, and never keeps a password in the file.
//   npx electron-vite build && npx vitest run test/electron/settings-file.test.ts
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type AppState } from '../../main/boundary/contract.js';
import { launch, stopAll } from './scenario.js';

afterEach(stopAll);

const saved = { server: 'https://team.evovoice.io', username: 'ada', sound: false };

// Root reads any file: as root (CI), the app runs as `nobody` so a mode-000 file is unreadable.
const NOBODY = 65534;

async function startWith(write: (file: string) => void, options: { asNobody?: boolean } = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'evo-app-'));
  const file = join(userData, 'settings.json');
  write(file);
  const uid = options.asNobody && process.getuid?.() === 0 ? NOBODY : undefined;
  if (uid !== undefined) chownSync(userData, uid, uid);
  const app = await launch({ userData, ...(uid === undefined ? {} : { uid }) });
  // The bridge answers only its window: wait for both (the window opens at start here).
  await app.waitFor(
    'the bridge and its window',
    (x) => x.handlers.includes(IPC.getState) && x.windows.length > 0,
  );
  const state = (await app.invoke(IPC.getState)) as AppState;
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
      { asNobody: true },
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
