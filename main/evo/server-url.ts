// The server setting, as the agent typed it, turned into the base every request resolves
// against. A password travels to this address, so plain http is allowed only to this machine.
import { EvoApiError } from './api.js';

/**
 * Why a server address was refused, so the window can say it in the agent's language
 * (settings/rules.ts); the message itself stays English, for the watch CLI and the log.
 */
export type ServerUrlProblem =
  | { reason: 'empty' }
  | { reason: 'not-an-address' }
  | { reason: 'credentials' }
  | { reason: 'not-encrypted'; host: string }
  | { reason: 'scheme'; scheme: string };

/** The client's refusal of a server address: an EvoApiError ('bad-server-url') with its reason. */
export class ServerUrlError extends EvoApiError {
  constructor(
    readonly problem: ServerUrlProblem,
    message: string,
  ) {
    super('bad-server-url', message);
  }
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `https://evovoice.io`, `evovoice.io` and `https://evovoice.io/api/` all work. The result
 * always ends in `/`, so `new URL('auth/credentials', base)` lands under the base path.
 */
export function parseServerUrl(input: string): URL {
  const text = input.trim();
  if (text === '') {
    throw badUrl(
      { reason: 'empty' },
      'Enter the Evo Voice server address, such as https://evovoice.io.',
    );
  }
  let url: URL;
  try {
    url = new URL(HAS_SCHEME.test(text) ? text : `https://${text}`);
  } catch {
    // The input is not repeated: it may hold something pasted by mistake.
    throw badUrl(
      { reason: 'not-an-address' },
      'That is not a server address. Use one like https://evovoice.io.',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw badUrl(
      { reason: 'credentials' },
      'Put your username and password in the sign-in form, not in the server address.',
    );
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw badUrl(
      { reason: 'not-encrypted', host: url.host },
      `The server address must start with https:// so your password is sent encrypted (https://${url.host}).`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badUrl(
      { reason: 'scheme', scheme: url.protocol },
      `The server address must start with https://, not ${url.protocol}//.`,
    );
  }
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/*$/, '/');
  return url;
}

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves this machine. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function badUrl(problem: ServerUrlProblem, message: string): ServerUrlError {
  return new ServerUrlError(problem, message);
}
