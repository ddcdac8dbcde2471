// The real RegistryReader: `reg query <hive>\<key>` (in every Windows since XP, no native
// module). Its output is parsed here, pure, so the parsing is tested on any system.
import { execFile } from 'node:child_process';
import type { RegistryReader, RegistryValue } from './windows-source.js';

export const regQueryReader: RegistryReader = {
  async values(hive, key) {
    const result = await new Promise<{ code: number; stdout: string }>((resolve, reject) => {
      execFile(
        'reg.exe',
        ['query', `${hive}\\${key}`],
        { timeout: 10_000, maxBuffer: 1024 * 1024, windowsHide: true },
        (error, stdout) => {
          // reg.exe exits with 1 when the key does not exist: no policy there.
          if (error && typeof error.code === 'number' && error.code === 1) {
            resolve({ code: 1, stdout });
          } else if (error) {
            reject(error);
          } else {
            resolve({ code: 0, stdout });
          }
        },
      );
    });
    return result.code === 0 ? parseRegQuery(result.stdout) : undefined;
  },
};

const LINE = /^ {4}(\S.*?) {4}(REG_SZ|REG_EXPAND_SZ|REG_DWORD|REG_MULTI_SZ)(?: {4}(.*))?$/;

/** The values directly under the queried key (subkeys' lines are not indented this way). */
export function parseRegQuery(stdout: string): Map<string, RegistryValue> {
  const values = new Map<string, RegistryValue>();
  for (const line of stdout.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (match === null) continue;
    const [, name = '', type, data = ''] = match;
    if (type === 'REG_DWORD') {
      values.set(name, { type, value: Number.parseInt(data, 16) });
    } else if (type === 'REG_MULTI_SZ') {
      // reg.exe prints the strings joined by a literal \0.
      values.set(name, { type, value: data.split('\\0').filter((s) => s !== '') });
    } else {
      values.set(name, { type: 'REG_SZ', value: data });
    }
  }
  return values;
}
