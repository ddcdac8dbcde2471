import { useState } from 'preact/hooks';
import type { EvoTrayBridge, MissedCall } from '../../../main/boundary/contract.js';
import { CopyButton } from '../components/CopyButton.js';
import { useT } from '../i18n.js';
import { When } from '../components/When.js';
import { sessionHref } from '../router.js';
import { messageOf } from '../state.js';

/** Newest first, whatever order they arrive in. */
export function newestFirst(missed: readonly MissedCall[]): MissedCall[] {
  return [...missed].sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0));
}

export function MissedView({ missed, bridge }: { missed: MissedCall[]; bridge: EvoTrayBridge }) {
  const t = useT();
  const [error, setError] = useState<string | undefined>();
  const clear = (): void => {
    setError(undefined);
    bridge.clearMissed().catch((e: unknown) => setError(messageOf(e, t('error.unknown'))));
  };
  return (
    <main class="missed" aria-labelledby="view-title">
      <div class="view-head">
        <h1 id="view-title" tabIndex={-1}>
          {t('missed.title')}
        </h1>
        {missed.length > 0 && (
          <button type="button" onClick={clear}>
            {t('missed.clear')}
          </button>
        )}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {missed.length === 0 ? (
        <p class="empty">{t('missed.empty')}</p>
      ) : (
        <ul class="missed-list">
          {newestFirst(missed).map((call) => (
            <li key={call.sessionId} class={call.seen ? 'missed-row' : 'missed-row unseen'}>
              <a href={sessionHref(call.sessionId)}>
                <span class="caller">{call.title}</span>
                <span class="call-meta">{call.body}</span>
                <span class="call-meta">
                  <When at={call.at} />
                  {call.whileAway && ` · ${t('missed.whileAway')}`}
                </span>
                {!call.seen && <span class="badge badge-missed">{t('missed.new')}</span>}
              </a>
              {call.number !== undefined && (
                <CallBackButtons number={call.number} bridge={bridge} />
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/** Call back through the OS's phone handler (main checks the number first), and copy it. */
function CallBackButtons({ number, bridge }: { number: string; bridge: EvoTrayBridge }) {
  const t = useT();
  const [refused, setRefused] = useState<string | undefined>();
  const call = (): void => {
    setRefused(undefined);
    bridge.callBack(number).then(
      (result) => setRefused(result.ok ? undefined : result.error),
      (e: unknown) => setRefused(messageOf(e, t('error.unknown'))),
    );
  };
  return (
    <div class="missed-actions">
      <button type="button" onClick={call} aria-label={t('missed.callBackLabel', { number })}>
        {t('missed.callBack')}
      </button>
      <CopyButton bridge={bridge} value={number} label={t('missed.number', { number })} />
      {refused && (
        <p class="form-error" role="alert">
          {refused}
        </p>
      )}
    </div>
  );
}
