// The policy on macOS: the managed preferences a configuration profile installs for the app's
// id, the computer's (/Library/Managed Preferences/<appId>.plist) winning per key over the
// user's (/Library/Managed Preferences/<user>/<appId>.plist). The profile's payload holds the
// policy's keys as in the JSON file: defaults and enforced (dictionaries),
// allowedScreenPopOrigins (an array), allowRememberPassword (a boolean).
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { mergePolicyLayers } from './layers.js';
import { PolicyReadError } from './source.js';
import type { PolicySource } from './source.js';

export const MANAGED_PREFERENCES = '/Library/Managed Preferences';

export interface PlistReader {
  /** The plist as an object (plutil's JSON), or undefined when there is no such file. */
  read(path: string): Promise<unknown>;
}

export function macPolicyPaths(appId: string, user: string): { computer: string; user: string } {
  return {
    computer: join(MANAGED_PREFERENCES, `${appId}.plist`),
    user: join(MANAGED_PREFERENCES, user, `${appId}.plist`),
  };
}

export function macPolicySource(reader: PlistReader, appId: string, user: string): PolicySource {
  const paths = macPolicyPaths(appId, user);
  return {
    async read() {
      const [computer, own] = await Promise.all([
        readPlist(reader, paths.computer),
        readPlist(reader, paths.user),
      ]);
      return mergePolicyLayers(computer, own);
    },
  };
}

async function readPlist(reader: PlistReader, path: string): Promise<unknown> {
  try {
    return await reader.read(path);
  } catch (e) {
    throw new PolicyReadError(
      `The managed preferences ${path} cannot be read (${(e as Error).message}); they are ignored.`,
    );
  }
}

/** The real reader: `plutil -convert json -o - <file>` (binary or XML plists alike). */
export const plutilReader: PlistReader = {
  async read(path) {
    try {
      await access(path);
    } catch {
      return undefined;
    }
    const json = await new Promise<string>((resolve, reject) => {
      execFile(
        '/usr/bin/plutil',
        ['-convert', 'json', '-o', '-', path],
        { timeout: 10_000, maxBuffer: 1024 * 1024 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
    });
    return JSON.parse(json) as unknown;
  },
};
