// `npm start` / `npm run dev` / `npm run e2e` without Electron's binary: one clear paragraph and a
// non-zero exit, never electron-vite's "Electron uninstall" stack trace; the postinstall honours
// ELECTRON_SKIP_BINARY_DOWNLOAD. A stand-in node_modules/electron (EVO_ELECTRON_PACKAGE_DIR) makes
// this the same on a machine that has the binary.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'evo-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function standInPackage(name: string, pathTxt?: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  if (pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), pathTxt);
  return dir;
}

function run(command: string, args: string[], env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  delete clean['ELECTRON_EXEC_PATH'];
  delete clean['ELECTRON_SKIP_BINARY_DOWNLOAD'];
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...clean, ...env },
    timeout: 60_000,
    // npm is npm.cmd on Windows, which only a shell runs.
    shell: process.platform === 'win32',
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

const never = standInPackage('never-downloaded');

describe('the Electron binary preflight', () => {
  it('without path.txt: one paragraph naming the binary, the fetch command and the skip variable', () => {
    const { status, out } = run('node', ['scripts/check-electron.mjs'], {
      EVO_ELECTRON_PACKAGE_DIR: never,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    });
    expect(status).toBe(1);
    const paragraph = out.trim();
    expect(paragraph.split('\n')).toHaveLength(1);
    expect(paragraph).toMatch(/^Evo Voice Tray needs the Electron 45\.5\.0 binary, which is not/);
    expect(paragraph).toContain('path.txt is missing');
    expect(paragraph).toContain('`npx install-electron`');
    expect(paragraph).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set in this shell');
  });

  it('names the variable even when it is not set now, and the file path.txt points at', () => {
    const dir = standInPackage('gone', 'electron');
    const { status, out } = run('node', ['scripts/check-electron.mjs'], {
      EVO_ELECTRON_PACKAGE_DIR: dir,
    });
    expect(status).toBe(1);
    expect(out).toContain(`${join(dir, 'dist', 'electron')} does not exist`);
    expect(out).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
  });

  it('passes when the binary is there, found as electron-vite finds it', () => {
    const dir = standInPackage('present', 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '#!/bin/sh\n');
    chmodSync(join(dir, 'dist', 'electron'), 0o755);
    expect(run('node', ['scripts/check-electron.mjs'], { EVO_ELECTRON_PACKAGE_DIR: dir })).toEqual({
      status: 0,
      out: '',
    });
    // ELECTRON_EXEC_PATH (which electron-vite honours) wins over path.txt.
    const elsewhere = run('node', ['scripts/check-electron.mjs'], {
      EVO_ELECTRON_PACKAGE_DIR: dir,
      ELECTRON_EXEC_PATH: join(work, 'no-such-electron'),
    });
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.out).toContain('ELECTRON_EXEC_PATH points at it');
  });

  it.each([
    ['start', 'Evo Voice Tray'],
    ['run dev', 'Evo Voice Tray'],
    ['run e2e', 'The real-Electron smoke test (npm run e2e)'],
  ])('`npm %s` stops at the paragraph, before electron-vite', (command, who) => {
    const { status, out } = run('npm', command.split(' '), { EVO_ELECTRON_PACKAGE_DIR: never });
    expect(status).not.toBe(0);
    expect(out).toContain(`${who} needs the Electron 45.5.0 binary, which is not installed`);
    expect(out).not.toContain('Electron uninstall');
    expect(out).not.toMatch(/^\s+at /m);
  });
});

describe('the postinstall', () => {
  it('skips the download when ELECTRON_SKIP_BINARY_DOWNLOAD=1, and succeeds', () => {
    const { status, out } = run('node', ['scripts/install-electron.mjs'], {
      EVO_ELECTRON_PACKAGE_DIR: never,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    });
    expect({ status, out: out.trim() }).toEqual({
      status: 0,
      out: 'Electron binary: not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set).',
    });
  });

  it('a download that fails warns with the paragraph and leaves npm install successful', () => {
    // The stand-in's install.js fails as a download would (no network here).
    const dir = standInPackage('offline');
    writeFileSync(join(dir, 'install.js'), 'console.error("download failed"); process.exit(1);\n');
    const { status, out } = run('node', ['scripts/install-electron.mjs'], {
      EVO_ELECTRON_PACKAGE_DIR: dir,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '0',
    });
    expect(status).toBe(0);
    expect(out).toContain('download failed');
    expect(out).toContain('Warning: Evo Voice Tray needs the Electron');
  });

  it('is the project postinstall, and Electron has no install script of its own', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as {
      scripts: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    expect(pkg.scripts['postinstall']).toBe('node scripts/install-electron.mjs');
    const electron = (await import('electron/package.json', { with: { type: 'json' } }))
      .default as { scripts?: Record<string, string> };
    expect(electron.scripts?.['postinstall'] ?? electron.scripts?.['install']).toBeUndefined();
    expect(pkg.allowScripts['electron']).toBeUndefined();
  });
});
