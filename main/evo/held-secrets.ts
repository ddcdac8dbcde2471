// The secrets the client holds only so that none of them ever leaves in an error's words: the
// password and user name of the last sign-in, the telephony tokens GET /app/config handed out,
// and (given by the session) its bearer token and cookies. Never sent, logged or passed on.
import { EvoApiError } from './api.js';
import { createMasker, type Masker, type Secrets } from './secret-mask.js';

/** Telephony tokens remembered for masking: a rotating token's last few, not every one. */
const MAX_MASKED_TOKENS = 4;

/** Cookie values shorter than this are flags (`ss-opt=perm`), not session secrets. */
const MIN_SECRET_COOKIE_CHARS = 8;

/** What the signed-in session holds besides: its bearer token and its cookies' values. */
export interface SessionSecrets {
  bearerToken: string | undefined;
  cookies: readonly string[];
}

export interface HeldSecrets {
  /** A new sign-in: its user name and password; the tokens of the last one are forgotten. */
  signingInAs(username: string, password: string): void;
  /** A telephony token read from /app/config (kept, the last few, to be masked). */
  heardTelephonyToken(token: string): void;
  /** Signed out: nothing is held any more. */
  clear(): void;
  /** Everything to mask now. */
  now(session: SessionSecrets): Secrets;
  /** A masker of these secrets; rebuilt only when they change (its forms are computed once). */
  maskerOf(secrets: Secrets): Masker;
}

export function createHeldSecrets(): HeldSecrets {
  let password = '';
  let username: string | undefined;
  let telephonyTokens: string[] = [];
  let maskerKey = '';
  let lastMasker: Masker = (text) => text;
  return {
    signingInAs(user, secret) {
      username = user;
      password = secret;
      telephonyTokens = [];
    },
    heardTelephonyToken(token) {
      if (telephonyTokens.includes(token)) return;
      telephonyTokens = [...telephonyTokens, token].slice(-MAX_MASKED_TOKENS);
    },
    clear() {
      password = '';
      username = undefined;
      telephonyTokens = [];
    },
    now(session) {
      const { bearerToken } = session;
      return {
        password,
        ...(username === undefined ? {} : { username }),
        tokens: bearerToken === undefined ? telephonyTokens : [...telephonyTokens, bearerToken],
        cookies: session.cookies.filter((v) => v.length >= MIN_SECRET_COOKIE_CHARS),
      };
    },
    maskerOf(secrets) {
      const key = JSON.stringify(secrets);
      if (key !== maskerKey) {
        maskerKey = key;
        lastMasker = createMasker(secrets);
      }
      return lastMasker;
    },
  };
}

/** The same error with every secret masked out of its words. */
export function withoutSecrets(error: unknown, mask: Masker): EvoApiError {
  const original =
    error instanceof EvoApiError
      ? error
      : new EvoApiError('bad-response', 'Evo Voice answered in a way this app cannot read.');
  const details = { ...original.details };
  if (details.serverMessage !== undefined) details.serverMessage = mask(details.serverMessage);
  return new EvoApiError(original.kind, mask(original.message), details);
}
