// electron-builder accepts our config and packs the app into an unpacked folder (the `--linux
// dir` target). The Electron binary cannot be downloaded here, so a stand-in plays its part: a
// shell script carrying Electron's fuse wire (sentinel, version 1, eight fuses at Electron's
// defaults). That shows electron-builder flips the fuses our config asks for; whether a real
// Electron honours them cannot be checked on a stand-in. Then a look inside the asar.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const work = mkdtempSync(join(tmpdir(), 'evo-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const;

function standInElectron(): string {
  const dist = join(work, 'electron-dist');
  mkdirSync(dist, { recursive: true });
  const binary = Buffer.concat([
    Buffer.from(`#!/bin/sh\nexit 0\n# `),
    Buffer.from(SENTINEL),
    Buffer.from([1, FUSES.length]),
    Buffer.from('10110001'), // Electron's defaults, in FUSES order
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dist, 'electron'), binary);
  chmodSync(join(dist, 'electron'), 0o755);
  return dist;
}

/** The fuse wire in a binary, as on/off by name. */
function fusesOf(path: string): Record<string, boolean> {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  expect(bytes[at]).toBe(1);
  return Object.fromEntries(FUSES.map((name, i) => [name, bytes[at + 2 + i] === 0x31]));
}

interface AsarEntry {
  files?: Record<string, AsarEntry>;
  size?: number;
  unpacked?: boolean;
}

/** The asar's header: an 8-byte pickle with its size, then a pickle holding the JSON. */
function asarFiles(path: string): Map<string, AsarEntry> {
  const bytes = readFileSync(path);
  const length = bytes.readUInt32LE(12);
  const header = JSON.parse(bytes.subarray(16, 16 + length).toString('utf8')) as AsarEntry;
  const files = new Map<string, AsarEntry>();
  const walk = (entry: AsarEntry, prefix: string) => {
    for (const [name, inner] of Object.entries(entry.files ?? {})) {
      if (inner.files) walk(inner, `${prefix}/${name}`);
      else files.set(`${prefix}/${name}`, inner);
    }
  };
  walk(header, '');
  return files;
}

function builder(args: string[]) {
  return spawnSync('npx', ['electron-builder', '--publish', 'never', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    timeout: 170_000,
  });
}

describe('electron-builder --linux dir', () => {
  const output = join(work, 'dist');
  const unpacked = join(output, 'linux-unpacked');
  const resources = join(unpacked, 'resources');
  let files = new Map<string, AsarEntry>();

  beforeAll(() => {
    const run = builder([
      '--dir',
      '--linux',
      `-c.electronDist=${standInElectron()}`,
      `-c.directories.output=${output}`,
    ]);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    files = asarFiles(join(resources, 'app.asar'));
  }, 180_000);

  it('copies the binary in under the product name with the fuses flipped as configured', () => {
    expect(fusesOf(join(unpacked, 'evo-voice-tray'))).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs main, preload, renderer, assets and package.json into the asar', () => {
    const size = statSync(join(resources, 'app.asar')).size;
    console.log(`app.asar: ${(size / 1024 / 1024).toFixed(2)} MB, ${files.size} files`);
    for (const path of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      '/assets/icons/app.png',
    ]) {
      expect(files.has(path), path).toBe(true);
    }
    expect([...files.keys()].some((f) => f.startsWith('/out/renderer/assets/'))).toBe(true);
  });

  it("unpacks keytar's native module next to the asar, where Node can load it", () => {
    const node = [...files].filter(([f]) => f.endsWith('.node'));
    expect(node.map(([f]) => f)).toContain('/node_modules/keytar/build/Release/keytar.node');
    for (const [path, entry] of node) {
      expect(entry.unpacked, path).toBe(true);
      expect(existsSync(join(resources, 'app.asar.unpacked', path)), path).toBe(true);
    }
  });

  it('carries no tests, sources, source maps or development dependencies', () => {
    const paths = [...files.keys()];
    expect(paths.filter((f) => /^\/(test|main|renderer|bench|scripts|docs)\//.test(f))).toEqual([]);
    expect(paths.filter((f) => f.endsWith('.map'))).toEqual([]);
    const shipped = new Set(paths.map((f) => /^\/node_modules\/((@[^/]+\/)?[^/]+)/.exec(f)?.[1]));
    const dev = Object.keys(pkg.devDependencies).filter((name) => shipped.has(name));
    expect(dev).toEqual([]);
    expect(shipped.has('preact')).toBe(false);
    for (const name of Object.keys(pkg.dependencies)) expect(shipped.has(name), name).toBe(true);
  });

  it('writes the update feed electron-updater reads (GitHub Releases)', () => {
    const feed = readFileSync(join(resources, 'app-update.yml'), 'utf8');
    expect(feed).toMatch(/^provider: github$/m);
    expect(feed).toMatch(/^repo: evo-voice-tray$/m);
  });
});

describe('electron-builder config validation', () => {
  it('rejects a config electron-builder does not know', () => {
    const run = builder([
      '--dir',
      '--linux',
      '-c.notAnOption=1',
      `-c.directories.output=${work}/bad`,
    ]);
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/configuration|unknown property/i);
  }, 180_000);

  it('rejects a fuse electron-builder does not know', () => {
    const run = builder([
      '--dir',
      '--linux',
      '-c.electronFuses.notAFuse=true',
      `-c.directories.output=${work}/bad-fuse`,
    ]);
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/electronFuses/);
  }, 180_000);
});
