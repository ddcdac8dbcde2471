import { useRef, useState } from 'preact/hooks';
import {
  SERVER_PRESETS,
  type WindowState,
  type EvoTrayBridge,
  type SignInResult,
} from '../../../main/boundary/contract.js';
import { AccountNotices } from '../components/AccountNotices.js';
import { SetByOrganisation, describedBy, isEnforced } from '../settings/SetByOrganisation.js';
import { useT } from '../i18n.js';
import { messageOf } from '../state.js';

const CUSTOM = 'custom';

/** The preset the saved server is (a trailing slash aside), else a custom address. */
function initialChoice(server: string | undefined): string {
  if (!server) return SERVER_PRESETS[0].url;
  const preset = SERVER_PRESETS.find((p) => p.url === server.replace(/\/+$/, ''));
  return preset ? preset.url : CUSTOM;
}

/** The example of a server address the agent is shown when they typed none. */
const SERVER_EXAMPLE = 'team.example.com';

export function SignInForm({ state, bridge }: { state: WindowState; bridge: EvoTrayBridge }) {
  const t = useT();
  const saved = state.account.server ?? state.settings.server;
  const [choice, setChoice] = useState(() => initialChoice(saved));
  const [customUrl, setCustomUrl] = useState(() => (initialChoice(saved) === CUSTOM ? saved : ''));
  const [username, setUsername] = useState(state.settings.username);
  const [password, setPassword] = useState('');
  // Storing the password is the agent's choice, never the default.
  const [remember, setRemember] = useState(false);
  // IT may forbid keeping it at all: the box is then locked off, and main keeps it in memory only.
  const rememberLocked = state.policy?.allowRememberPassword === false;
  // An enforced server is the only one offered: main signs in to it whatever is sent.
  const serverLocked = isEnforced(state, 'server');
  const shownChoice = serverLocked ? initialChoice(state.settings.server) : choice;
  const shownUrl = serverLocked ? state.settings.server : customUrl;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [urlError, setUrlError] = useState<string | undefined>();
  const passwordInput = useRef<HTMLInputElement>(null);

  const working = busy || state.account.status === 'signing-in';
  const shownError = error ?? state.account.error;

  const finish = (result: SignInResult): void => {
    if (!result.ok) {
      setError(result.error);
      // The rejected password is never kept or sent again: the agent types it anew.
      setPassword('');
      passwordInput.current?.focus();
    }
  };

  const submit = (event: Event): void => {
    event.preventDefault();
    if (working) return;
    const server = shownChoice === CUSTOM ? shownUrl.trim() : shownChoice;
    // The app checks the address itself (a bare host means https); here only that one was typed.
    const badUrl =
      shownChoice === CUSTOM && server === ''
        ? t('signIn.serverMissing', { example: SERVER_EXAMPLE })
        : undefined;
    setUrlError(badUrl);
    if (badUrl) return;
    setError(undefined);
    setBusy(true);
    bridge
      .signIn({
        server,
        username: username.trim(),
        password,
        remember: remember && !rememberLocked,
      })
      .then(finish, (e: unknown) => finish({ ok: false, error: messageOf(e, t('error.unknown')) }))
      .finally(() => setBusy(false));
  };

  const demo = (): void => {
    setError(undefined);
    setBusy(true);
    bridge
      .startDemo()
      .then(finish, (e: unknown) => finish({ ok: false, error: messageOf(e, t('error.unknown')) }))
      .finally(() => setBusy(false));
  };

  return (
    <main class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <AccountNotices account={state.account} keychain />
      <form onSubmit={submit} aria-busy={working}>
        <label for="server">{t('signIn.server')}</label>
        <select
          id="server"
          value={shownChoice}
          onChange={(e) => setChoice(e.currentTarget.value)}
          disabled={working || serverLocked}
          aria-describedby={describedBy('server', serverLocked)}
        >
          {SERVER_PRESETS.map((p) => (
            <option key={p.url} value={p.url}>
              {t('signIn.preset', { name: p.label, host: new URL(p.url).host })}
            </option>
          ))}
          <option value={CUSTOM}>{t('signIn.otherServer')}</option>
        </select>
        {serverLocked && <SetByOrganisation controlId="server" />}
        {shownChoice === CUSTOM && (
          <>
            <label for="custom-server">{t('signIn.serverAddress')}</label>
            <input
              id="custom-server"
              type="text"
              inputMode="url"
              autocomplete="url"
              spellcheck={false}
              placeholder="https://"
              value={shownUrl}
              onInput={(e) => setCustomUrl(e.currentTarget.value)}
              aria-invalid={urlError ? true : undefined}
              aria-describedby={urlError ? 'custom-server-error' : undefined}
              disabled={working || serverLocked}
            />
            {urlError && (
              <p id="custom-server-error" class="field-error">
                {urlError}
              </p>
            )}
          </>
        )}
        <label for="username">{t('signIn.username')}</label>
        <input
          id="username"
          type="text"
          autocomplete="username"
          required
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
          disabled={working}
        />
        <label for="password">{t('signIn.password')}</label>
        <input
          id="password"
          ref={passwordInput}
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          aria-describedby={shownError ? 'sign-in-error' : undefined}
          disabled={working}
        />
        <label class="check">
          <input
            type="checkbox"
            id="remember"
            checked={remember && !rememberLocked}
            onChange={(e) => setRemember(e.currentTarget.checked)}
            disabled={working || rememberLocked}
            aria-describedby={describedBy('remember', rememberLocked)}
          />
          {t('signIn.remember')}
        </label>
        {rememberLocked && <SetByOrganisation controlId="remember" />}
        {shownError && (
          <p id="sign-in-error" class="form-error" role="alert">
            {shownError}
          </p>
        )}
        <button type="submit" class="primary" disabled={working}>
          {working ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <p class="demo">
        <button type="button" class="link-button" onClick={demo} disabled={working}>
          {t('signIn.demo')}
        </button>{' '}
        <span class="muted">{t('signIn.demoHint')}</span>
      </p>
    </main>
  );
}
