// electron-builder accepts our config and packs the app into an unpacked folder. The Electron
// binary cannot be downloaded here, so a stand-in executable plays its part.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'evo-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function standInElectron(): string {
  const dist = join(work, 'electron-dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(dist, 'electron'), 0o755);
  return dist;
}

describe('electron-builder', () => {
  it('builds the dir target with the app inside resources', () => {
    const output = join(work, 'dist');
    const run = spawnSync(
      'npx',
      [
        'electron-builder',
        '--dir',
        '--linux',
        `-c.electronDist=${standInElectron()}`,
        `-c.directories.output=${output}`,
      ],
      { encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 120_000 },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const resources = join(output, 'linux-unpacked', 'resources');
    const packed = existsSync(join(resources, 'app.asar')) || existsSync(join(resources, 'app'));
    expect(packed).toBe(true);
    // The stand-in binary was copied in under the product's executable name.
    expect(existsSync(join(output, 'linux-unpacked', 'evo-voice-tray'))).toBe(true);
  }, 180_000);

  it('rejects a config electron-builder does not know', () => {
    const run = spawnSync(
      'npx',
      [
        'electron-builder',
        '--dir',
        '--linux',
        '-c.notAnOption=1',
        `-c.directories.output=${work}/bad`,
      ],
      { encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 120_000 },
    );
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/configuration|unknown property/i);
  }, 180_000);
});
