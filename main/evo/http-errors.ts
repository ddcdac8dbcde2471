// What an HTTP failure means to the agent: one EvoApiError per status class or network fault,
// with a message they can act on. Server bodies are never repeated whole (an HTML error page
// is noise); only ServiceStack's own `responseStatus.message` is quoted, trimmed.
import { EvoApiError, type EvoErrorDetails, type PurposeName } from './api.js';
import { readKey } from './field-table.js';
import { isRecord } from '../boundary/records.js';
import { createTranslator } from '../boundary/i18n/index.js';
import { networkReasonId } from './failure-words.js';

const english = createTranslator('en');

/** What the request was for, so a status can be explained in those words. */
export interface Purpose {
  name: PurposeName;
  /** POST /auth/credentials: a 401 means the password was refused. */
  signingIn: boolean;
  /** What a 404 means for this request. */
  notFound: string;
}

const MAX_QUOTED_CHARS = 200;

export function errorForStatus(
  response: { status: number; statusText: string; headers: Headers },
  body: unknown,
  purpose: Purpose,
  now: number,
  mask: (text: string) => string = (text) => text,
): EvoApiError {
  const { status } = response;
  // Masked before quotable() folds whitespace: a password with two spaces must still match.
  const serverMessage = serverMessageOf(body, mask);
  const statusText = quotable(mask(response.statusText));
  const details: EvoErrorDetails = {
    status,
    purpose: purpose.name,
    ...(statusText === undefined ? {} : { statusText }),
    ...(serverMessage === undefined ? {} : { serverMessage }),
  };
  // The server's words go inside our sentence, so its own full stop would end up doubled.
  const words = serverMessage?.replace(/[\s.!?…]+$/u, '');
  const said = words ? `: ${words}` : '';
  const label = statusLabel({ status, statusText: mask(response.statusText) });

  if (purpose.signingIn && (status === 400 || status === 403)) {
    // "Account locked", "password expired": sending the same password again cannot help and
    // may lock the account, so it is a refusal like a 401, in the server's words.
    return new EvoApiError(
      'rejected-credentials',
      `Sign-in was refused${said || ` (${label})`}.`,
      details,
    );
  }
  if (status === 401) {
    return purpose.signingIn
      ? new EvoApiError(
          'rejected-credentials',
          `Sign-in was rejected: ${serverMessage ?? 'check your username and password.'}`,
          details,
        )
      : new EvoApiError(
          'rejected-credentials',
          `Your Evo Voice session has expired; sign in again${said}.`,
          details,
        );
  }
  if (status === 403) {
    return new EvoApiError(
      'forbidden',
      `Your Evo Voice account is not allowed to do this${said || ` (${label})`}.`,
      details,
    );
  }
  if (status === 404) return new EvoApiError('not-found', purpose.notFound, details);
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    const when =
      retryAfterMs === undefined ? 'in a moment' : `in ${Math.ceil(retryAfterMs / 1000)} s`;
    return new EvoApiError(
      'rate-limited',
      `Evo Voice is busy (${label}); try again ${when}.`,
      retryAfterMs === undefined ? details : { ...details, retryAfterMs },
    );
  }
  if (status >= 500) {
    return new EvoApiError(
      'server',
      `Evo Voice had a problem (${label})${said}. Try again in a moment.`,
      details,
    );
  }
  if (status >= 300 && status < 400) {
    return new EvoApiError(
      'bad-response',
      `Evo Voice answered with a redirect (${label}). Check the server address.`,
      details,
    );
  }
  return new EvoApiError(
    'bad-response',
    `Evo Voice refused the request (${label})${said}.`,
    details,
  );
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates name a month; Date.parse alone would take "-5" for a year.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** ServiceStack's `{"responseStatus":{"message":…}}`, in either key casing. */
export function serverMessageOf(
  body: unknown,
  mask: (text: string) => string = (text) => text,
): string | undefined {
  if (!isRecord(body)) return undefined;
  const status = readKey(body, 'responseStatus');
  if (!isRecord(status)) return undefined;
  const message = readKey(status, 'message');
  return typeof message === 'string' ? quotable(mask(message)) : undefined;
}

/** The network fault under `fetch failed`, in plain words. */
export function errorForNetwork(cause: unknown, host: string): EvoApiError {
  const fault = faultCode(cause);
  return new EvoApiError('network', `Cannot reach ${host}: ${networkReason(fault)}.`, {
    host,
    ...(fault === undefined ? {} : { fault }),
  });
}

/** The caller stopped waiting: nothing went wrong with the server. */
export function errorForCancel(host: string): EvoApiError {
  return new EvoApiError('cancelled', `Stopped waiting for ${host}.`, { host });
}

export function errorForTimeout(host: string, timeoutMs: number): EvoApiError {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  return new EvoApiError(
    'timeout',
    `${host} did not answer within ${seconds} s. Check your connection; it will be tried again.`,
    { host, timeoutMs },
  );
}

function networkReason(code: string | undefined): string {
  return english(networkReasonId(code), { code: code ?? '' });
}

/** The first error code along `cause` chains and AggregateError lists (dual-stack connects). */
function faultCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && code !== '') return code;
  const nested = faultCode(cause, depth + 1);
  if (nested !== undefined) return nested;
  return Array.isArray(errors) ? faultCode(errors[0], depth + 1) : undefined;
}

function statusLabel(response: { status: number; statusText: string }): string {
  const text = quotable(response.statusText);
  return text ? `${response.status} ${text}` : `HTTP ${response.status}`;
}

/** One line, no control characters, short enough for a notification. */
function quotable(text: string): string | undefined {
  const line = text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (line === '') return undefined;
  return line.length > MAX_QUOTED_CHARS ? `${line.slice(0, MAX_QUOTED_CHARS - 1)}…` : line;
}

/**
 * The message without its own "try again …" advice, for callers that say themselves when they
 * will try again: "busy (429); try again in 5 s" + "Trying again in 5 s" would be two answers.
 */
export function withoutRetryHint(message: string): string {
  return message
    .replace(/(?:[;.]\s*|\s+)(?:try again|it will be tried again)[^.;]*\.?$/i, '')
    .replace(/[\s.;]+$/u, '');
}
