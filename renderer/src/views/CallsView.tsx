import type { AccountState, CallSummary } from '../../../main/boundary/contract.js';
import { AccountNotices } from '../components/AccountNotices.js';
import { CallRow } from '../components/CallRow.js';
import { RingingAnnouncer } from '../components/RingingAnnouncer.js';
import { groupCalls } from '../calls.js';
import { useT } from '../i18n.js';

export function CallsView({ calls, account }: { calls: CallSummary[]; account: AccountState }) {
  const t = useT();
  const groups = groupCalls(calls);
  return (
    <main class="calls" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1} class="visually-hidden">
        {t('nav.calls')}
      </h1>
      <AccountNotices account={account} notice />
      <RingingAnnouncer calls={calls} />
      {groups.length === 0 ? (
        <p class="empty">{t('calls.empty')}</p>
      ) : (
        groups.map((group) => (
          <section
            key={group.name}
            class={`call-group group-${group.name}`}
            aria-labelledby={`group-${group.name}`}
            style={{ containIntrinsicSize: `auto ${groupHeightRem(group.calls.length)}rem` }}
          >
            <h2 id={`group-${group.name}`}>
              {t(group.title)} <span class="group-count">{group.calls.length}</span>
            </h2>
            <ul class="call-list">
              {group.calls.map((call) => (
                <CallRow key={call.id} call={call} />
              ))}
            </ul>
          </section>
        ))
      )}
    </main>
  );
}

/**
 * A group's height before it is first laid out, for `content-visibility: auto` (calls.css):
 * its heading and a row's placeholder height a call, so the scroll bar is near right.
 */
function groupHeightRem(calls: number): number {
  return Math.round(HEADING_REM + calls * ROW_REM);
}

/** The heights calls.css gives a group heading and a row's placeholder. */
const HEADING_REM = 2.9;
const ROW_REM = 4.6;
