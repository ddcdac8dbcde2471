// electron-log as the app's Logger: a file in the logs folder and the console.
// Callers never pass a password; the scrub below is a second line for what they cannot see
// (a server echoing a request back into an error message, say).
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

export function electronLogger(): Logger {
  log.transports.file.level = 'info';
  return {
    debug: (m) => log.debug(scrubSecrets(m)),
    info: (m) => log.info(scrubSecrets(m)),
    warn: (m) => log.warn(scrubSecrets(m)),
    error: (m) => log.error(scrubSecrets(m)),
  };
}
