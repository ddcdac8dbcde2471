// An API failure in the agent's words: the sentence comes from the error's kind (and what the
// client recorded beside it), in the agent's language; the host, the status and the server's
// own message go in as values, as they came. EvoApiError.message stays English, for the log.
import type { EvoApiError, PurposeName } from './api.js';
import type { MessageId, Translate } from '../boundary/i18n/index.js';

export interface FailureWording {
  /**
   * The caller says itself when it tries again ("… Retrying…"): the error's own advice to try
   * again would be a second answer.
   */
  retrying?: boolean;
}

export function failureWords(
  error: EvoApiError,
  t: Translate,
  wording: FailureWording = {},
): string {
  const d = error.details;
  const host = d.host ?? '';
  const message = d.serverMessage?.replace(/[\s.!?…]+$/u, '') || undefined;
  const status = statusLabel(error);
  const hint = (id: MessageId, values?: Record<string, string | number>): string =>
    wording.retrying ? '' : ` ${t(id, values)}`;
  switch (error.kind) {
    case 'rejected-credentials':
      return rejectedWords(error, t, message, status);
    case 'forbidden':
      return message !== undefined
        ? t('evoError.forbidden.said', { message })
        : t('evoError.forbidden', { status });
    case 'not-found':
      return notFoundWords(d.purpose ?? 'looking-up', t);
    case 'rate-limited':
      if (d.reason === 'too-many-sign-ins') {
        return t('evoError.tooManySignIns', {
          minutes: Math.ceil((d.retryAfterMs ?? 0) / 60_000),
        });
      }
      return (
        t('evoError.busy', { status }) +
        (d.retryAfterMs === undefined
          ? hint('evoError.tryAgainSoon')
          : hint('evoError.tryAgainIn', { seconds: Math.ceil(d.retryAfterMs / 1000) }))
      );
    case 'server':
      return (
        (message !== undefined
          ? t('evoError.server.said', { status, message })
          : t('evoError.server', { status })) + hint('evoError.tryAgainSoon')
      );
    case 'network':
      return t('evoError.network', {
        host,
        reason: t(networkReasonId(d.fault), { code: d.fault ?? '' }),
      });
    case 'timeout':
      return (
        t('evoError.timeout', {
          host,
          seconds: Math.max(1, Math.round((d.timeoutMs ?? 0) / 1000)),
        }) + hint('evoError.willRetry')
      );
    case 'bad-response':
      return badResponseWords(error, t, message, status);
    case 'bad-server-url':
      return t('evoError.badServerUrl');
    case 'cancelled':
      return t('evoError.cancelled', { host });
  }
}

function rejectedWords(
  error: EvoApiError,
  t: Translate,
  message: string | undefined,
  status: string,
): string {
  const d = error.details;
  if (d.reason !== undefined && d.reason !== 'too-many-sign-ins') return t(REASONS[d.reason]);
  if (d.status === undefined) return t('evoError.notSignedIn');
  if (d.purpose === 'signing-in') {
    if (d.status === 401) {
      return message !== undefined
        ? t('evoError.signInRejected.said', { message })
        : t('evoError.signInRejected');
    }
    return message !== undefined
      ? t('evoError.signInRefused.said', { message })
      : t('evoError.signInRefused', { status });
  }
  return message !== undefined
    ? t('evoError.sessionExpired.said', { message })
    : t('evoError.sessionExpired');
}

const REASONS = {
  'not-signed-in': 'evoError.notSignedIn',
  'session-not-kept': 'evoError.sessionNotKept',
  'sign-in-cancelled': 'evoError.signInCancelled',
  'saved-password-rejected': 'evoError.savedPasswordRejected',
  'expired-no-password': 'evoError.expiredNoPassword',
} as const satisfies Record<string, MessageId>;

function badResponseWords(
  error: EvoApiError,
  t: Translate,
  message: string | undefined,
  status: string,
): string {
  const d = error.details;
  if (d.bodyLimitBytes !== undefined) {
    return t('evoError.tooLarge', {
      megabytes: Math.max(0.1, Math.round((d.bodyLimitBytes / (1024 * 1024)) * 10) / 10),
    });
  }
  if (d.status === undefined) return t('evoError.unreadable');
  if (d.status >= 300 && d.status < 400) return t('evoError.redirect', { status });
  return message !== undefined
    ? t('evoError.refused.said', { status, message })
    : t('evoError.refused', { status });
}

/** "503 Service Unavailable": the status and the server's own words for it. */
function statusLabel(error: EvoApiError): string {
  const { status, statusText } = error.details;
  if (status === undefined) return '';
  return statusText ? `${status} ${statusText}` : String(status);
}

const NOT_FOUND = {
  'signing-in': 'evoError.notFound.signingIn',
  listing: 'evoError.notFound.listing',
  'looking-up': 'evoError.notFound.lookingUp',
  'reading-history': 'evoError.notFound.readingHistory',
  'reading-agent-state': 'evoError.notFound.readingAgentState',
  'signing-out': 'evoError.notFound.signingOut',
  acting: 'evoError.notFound.acting',
} as const satisfies Record<PurposeName, MessageId>;

/** The path a 404 says is missing: a name on the server, the same in every language. */
const MISSING_PATH: Partial<Record<PurposeName, string>> = {
  listing: '/sessions/my',
  'reading-history': '/portal/call-history',
  'reading-agent-state': '/app/config',
};

/** What a 404 means for a request made for `purpose`. */
export function notFoundWords(purpose: PurposeName, t: Translate): string {
  return t(NOT_FOUND[purpose], { path: MISSING_PATH[purpose] ?? '' });
}

const NETWORK_REASONS: Readonly<Record<string, MessageId>> = {
  ECONNREFUSED: 'evoError.fault.refused',
  ENOTFOUND: 'evoError.fault.noName',
  EAI_AGAIN: 'evoError.fault.dns',
  ECONNRESET: 'evoError.fault.reset',
  EPIPE: 'evoError.fault.reset',
  UND_ERR_SOCKET: 'evoError.fault.closed',
  UND_ERR_CLOSED: 'evoError.fault.closed',
  ETIMEDOUT: 'evoError.fault.timedOut',
  UND_ERR_CONNECT_TIMEOUT: 'evoError.fault.timedOut',
  EHOSTUNREACH: 'evoError.fault.unreachable',
  ENETUNREACH: 'evoError.fault.offline',
  ENETDOWN: 'evoError.fault.offline',
  UND_ERR_HEADERS_OVERFLOW: 'evoError.fault.tooLarge',
  // node:http's word for it (the poll: listing-http.ts).
  HPE_HEADER_OVERFLOW: 'evoError.fault.tooLarge',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'evoError.fault.tooLarge',
  UND_ERR_HEADERS_TIMEOUT: 'evoError.fault.slow',
  UND_ERR_BODY_TIMEOUT: 'evoError.fault.slow',
};

/** The network fault under `fetch failed` (its code), as a reason; `{code}` for unknown ones. */
export function networkReasonId(code: string | undefined): MessageId {
  if (code === undefined) return 'evoError.fault.failed';
  const known = NETWORK_REASONS[code];
  if (known !== undefined) return known;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return 'evoError.fault.certificate';
  return 'evoError.fault.other';
}
