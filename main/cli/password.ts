// Where the `watch` command finds the password: EVO_PASSWORD, else the app's keychain entry,
// else a prompt on the terminal. The password is returned, never printed or logged.
import type { CredentialStore } from '../credentials/store.js';
import type { Logger } from '../log.js';
import { errorMessage } from '../boundary/errors.js';

export interface PasswordSources {
  env: NodeJS.ProcessEnv;
  openKeychain: () => Promise<CredentialStore>;
  /** null when there is no terminal to ask on. */
  prompt: ((question: string) => Promise<string>) | null;
  log: Logger;
}

export async function findPassword(
  server: string,
  username: string,
  sources: PasswordSources,
): Promise<string | null> {
  const fromEnv = sources.env.EVO_PASSWORD;
  if (fromEnv) return fromEnv;

  try {
    const keychain = await sources.openKeychain();
    const saved = await keychain.get(server, username);
    if (saved) {
      sources.log.info(`Using the password saved in the keychain for ${username}.`);
      return saved;
    }
  } catch (e) {
    // Not an error here: the prompt or EVO_PASSWORD still work.
    sources.log.debug(`Keychain unavailable: ${errorMessage(e)}`);
  }

  if (!sources.prompt) return null;
  try {
    const typed = await sources.prompt(`Evo Voice password for ${username}: `);
    return typed === '' ? null : typed;
  } catch {
    return null; // Ctrl-C at the prompt: the agent chose not to give one
  }
}

/**
 * Reads a line from a terminal without echoing it. Ctrl-C or Ctrl-D rejects: the agent
 * changed their mind.
 */
export function promptHidden(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (finish: () => void) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      finish();
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
        if (ch === '\u0003' || ch === '\u0004') {
          return done(() => reject(new Error('No password entered.')));
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    output.write(question);
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
