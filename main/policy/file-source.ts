// A policy in a JSON file: /etc/evo-voice-tray/policy.json on Linux, or EVO_TRAY_POLICY_FILE
// outside a packaged app. No file is no policy; a file that cannot be read is ignored, saying why.
import { watch as watchFs } from 'node:fs';
import { basename, dirname } from 'node:path';
import { readIfPresent } from '../watch/ledger-files.js';
import { errorCode } from '../boundary/errors.js';
import { PolicyReadError } from './source.js';
import type { PolicySource } from './source.js';
import { errorMessage } from '../boundary/errors.js';

/** Calls onChange when something in the file's folder named like the file changes. */
export type WatchPath = (path: string, onChange: () => void) => () => void;

export function filePolicySource(path: string, watchPath: WatchPath = watchFolder): PolicySource {
  return {
    async read() {
      let text: string | null;
      try {
        text = await readIfPresent(path);
      } catch (e) {
        throw new PolicyReadError(
          `The policy file ${path} cannot be read (${errorCode(e) ?? errorMessage(e)}); it is ignored.`,
        );
      }
      if (text === null) return undefined;
      try {
        // Notepad writes a byte-order mark.
        return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
      } catch {
        throw new PolicyReadError(`The policy file ${path} is not valid JSON; it is ignored.`);
      }
    },
    watch: (onChange) => watchPath(path, onChange),
  };
}

/**
 * The folder, not the file: an editor or a deployment tool replaces the file (a new inode),
 * and the file may not exist yet. No folder, nothing to watch: the policy is read at start.
 */
const watchFolder: WatchPath = (path, onChange) => {
  try {
    const watcher = watchFs(dirname(path), (_, name) => {
      if (name === null || name === basename(path)) onChange();
    });
    watcher.on('error', () => watcher.close());
    return () => watcher.close();
  } catch {
    return () => {};
  }
};
