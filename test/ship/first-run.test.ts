// A newcomer's first run: the lock file matches package.json (so `npm install` leaves the
// checkout clean), and offline downloads end in one paragraph saying what to do, not a trace.
//   npx vitest run test/ship/first-run.test.ts
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ELECTRON_DOWNLOAD,
  PACKAGING,
  networkFailureParagraph,
} from '../../scripts/network-failure.mjs';

const root = resolve(import.meta.dirname, '../..');
const json = (file: string) =>
  JSON.parse(readFileSync(resolve(root, file), 'utf8')) as Record<string, unknown>;

describe('package-lock.json', () => {
  it('says what package.json says about the project itself', () => {
    const pkg = json('package.json');
    const lock = json('package-lock.json');
    const locked = (lock['packages'] as Record<string, Record<string, unknown>>)[''];
    expect(lock['version']).toBe(pkg['version']);
    for (const key of ['version', 'bin', 'engines', 'dependencies', 'devDependencies']) {
      expect({ [key]: locked?.[key] }).toEqual({ [key]: pkg[key] });
    }
  });
});

const TRACE = `HttpError: request to https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip failed, reason: getaddrinfo ENOTFOUND github.com
    at ClientRequest.<anonymous> (/repo/node_modules/@electron/get/dist/cjs/index.js:1:1)
    at ClientRequest.emit (node:events:519:28)`;

describe('an offline download, said in one paragraph', () => {
  it("Electron's binary: the host, what to check, and what works without it", () => {
    const paragraph = networkFailureParagraph(TRACE, ELECTRON_DOWNLOAD) ?? '';
    expect(paragraph.split('\n')).toHaveLength(1);
    expect(paragraph).toMatch(/^Downloading Electron's binary failed because this machine could/);
    expect(paragraph).toContain('github.com could not be reached');
    expect(paragraph).toContain('ELECTRON_MIRROR');
    expect(paragraph).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install');
    expect(paragraph).not.toContain(' at ');
  });

  it('packaging: names electron-builder, its caches and `npm run build`', () => {
    const output = '  ⨯ getaddrinfo EAI_AGAIN github.com  failedTask=build stackTrace=Error: …';
    const paragraph = networkFailureParagraph(output, PACKAGING) ?? '';
    expect(paragraph).toMatch(/^Packaging the app \(electron-builder\) failed/);
    expect(paragraph).toContain('github.com could not be reached');
    expect(paragraph).toContain('~/.cache/electron-builder');
    expect(paragraph).toContain('`npm run build`');
  });

  it('a refused or timed-out connection is the network too', () => {
    expect(networkFailureParagraph('connect ECONNREFUSED 127.0.0.1:443', PACKAGING)).toContain(
      '(ECONNREFUSED)',
    );
    expect(networkFailureParagraph('Error: socket hang up', PACKAGING)).toContain('socket hang up');
  });

  it('any other failure is not passed off as the network', () => {
    expect(networkFailureParagraph('⨯ Cannot find module "app-builder-bin"', PACKAGING)).toBeNull();
    expect(
      networkFailureParagraph('ENOSPC: no space left on device', ELECTRON_DOWNLOAD),
    ).toBeNull();
  });
});
