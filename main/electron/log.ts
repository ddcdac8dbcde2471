// electron-log as the app's Logger: a file in the logs folder and the console.
// Callers never pass a password; the scrub below is a second line for what they cannot see
// (a server echoing a request back into an error message, say).
import { chmodSync } from 'node:fs';
import log from 'electron-log/main';
import type { Logger } from '../log.js';

const SECRETS = [
  // A password or a ServiceStack token field, as JSON ("quoted", escapes and all) or a form.
  /("?(?:password|bearerToken|refreshToken|sessionId)"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\s,&}]+)/gi,
  // A whole Cookie / Set-Cookie header, whatever cookies it carries.
  /(\b(?:set-)?cookie:\s*)[^\n]+/gi,
  /((?:ss-id|ss-pid|ss-tok)=)[^;\s]+/gi,
  /(Bearer\s+)[\w.~+/-]+=*/gi,
];

export function scrubSecrets(message: string): string {
  return SECRETS.reduce((text, pattern) => text.replace(pattern, '$1[redacted]'), message);
}

/** Every string electron-log is handed, by anyone (a library, console capture), scrubbed. */
type LogMessage = Parameters<(typeof log.hooks)[number]>[0];

function scrubHook(message: LogMessage): LogMessage {
  return { ...message, data: (message.data as unknown[]).map(scrubbed) };
}

function scrubbed(value: unknown): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (value instanceof Error) {
    const copy = new Error(scrubSecrets(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : scrubSecrets(value.stack);
    return copy;
  }
  return value;
}

let hooked = false;

export function electronLogger(): Logger {
  log.transports.file.level = 'info';
  if (!hooked) {
    hooked = true;
    log.hooks.push(scrubHook);
    // Readable by the agent only: created so, and an older file made so.
    log.transports.file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
    if (process.platform !== 'win32') {
      try {
        chmodSync(log.transports.file.getFile().path, 0o600);
      } catch {
        // No file yet: it is created with the mode above.
      }
    }
  }
  return {
    debug: (m) => log.debug(scrubSecrets(m)),
    info: (m) => log.info(scrubSecrets(m)),
    warn: (m) => log.warn(scrubSecrets(m)),
    error: (m) => log.error(scrubSecrets(m)),
  };
}
