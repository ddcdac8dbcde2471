// What the account tells the agent, and the check of a sign-in request before any of it is
// sent: plain functions, so account.ts keeps to the flow.
import { DEFAULT_SETTINGS, type SignInRequest } from '../boundary/contract.js';
import { KeychainError } from '../credentials/keychain.js';
import { isEvoApiError } from '../evo/api.js';
import { withoutRetryHint } from '../evo/http-errors.js';
import { failureWords } from '../evo/failure-words.js';
import { applySettingsPatch, SettingsError, settingsRefusal } from '../settings/index.js';
import type { ConnectionEvent } from '../watch/events.js';
import { failureStatus } from '../watch/failure.js';
import { errorMessage } from '../boundary/errors.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';

const english = createTranslator('en');

/** A sign-in (or the demo) overtaken by a sign-out or another sign-in before it finished. */
export function signedOutMeanwhile(t: Translate = english): { ok: false; error: string } {
  return { ok: false, error: t('account.signedOutMeanwhile') };
}

/** The stored password was refused in an earlier run: why the agent is signed out. */
export function rejectedEarlier(t: Translate = english): string {
  return t('account.rejectedEarlier');
}

export type CheckedSignIn =
  { ok: true; server: string; username: string } | { ok: false; error: string };

/** The missing user name or password, or a server the client would refuse, in the form's words. */
export function checkSignIn(request: SignInRequest, t: Translate = english): CheckedSignIn {
  if (typeof request.password !== 'string' || request.password.length === 0) {
    return { ok: false, error: t('account.enterPassword') };
  }
  if (typeof request.username !== 'string' || request.username.trim() === '') {
    return { ok: false, error: t('account.enterUsername') };
  }
  try {
    // The settings rules are the one place that says what a server and a user name may be.
    const { server, username } = applySettingsPatch(DEFAULT_SETTINGS, {
      server: request.server,
      username: request.username,
    });
    return { ok: true, server, username };
  } catch (e) {
    return {
      ok: false,
      error: e instanceof SettingsError ? settingsRefusal(e, t) : errorMessage(e),
    };
  }
}

/**
 * The stored password was refused at start: the one notice that always shows. `detail` is the
 * server's (or the client's) reason, as it came.
 */
export function signedOutEvent(
  detail: string,
  at: number,
  t: Translate = english,
): ConnectionEvent {
  return {
    event: 'connection',
    status: 'signed-out',
    at: new Date(at).toISOString(),
    title: t('account.signedOut.title'),
    body: t('account.signedOut.body', { detail }),
    detail,
  };
}

/** account.notice when "remember" was ticked but the keychain refused the password. */
export function notSavedNotice(e: unknown, t: Translate = english): string {
  const reason = e instanceof KeychainError ? e.reason : errorMessage(e);
  return t('account.passwordNotSaved', { reason });
}

/** Why the demo did not start: `detail` is the simulator's (or the client's) reason. */
export function demoFailed(detail: string, t: Translate = english): string {
  return t('account.demoFailed', { detail });
}

/**
 * Why a sign-in (or the demo's) failed, in the form's words: the client's failures from their
 * kind in `t`'s language; anything else (a bug) as it came.
 */
export function signInFailure(e: unknown, t: Translate = english): string {
  return isEvoApiError(e) ? failureWords(e, t) : errorMessage(e);
}

/** The connection while the server has not answered the sign-in at start. */
export function unreachable(
  e: unknown,
  t: Translate = english,
): { status: 'offline' | 'error'; detail: string } {
  const status = isEvoApiError(e) && failureStatus(e.kind) === 'offline' ? 'offline' : 'error';
  // "Retrying…" says when: the failure's own "try again" advice is left out.
  const why = isEvoApiError(e)
    ? failureWords(e, t, { retrying: true }).replace(/[\s.;]+$/u, '')
    : withoutRetryHint(errorMessage(e));
  return { status, detail: t('account.retrying', { detail: why }) };
}
