import type { AccountState, CallSummary } from '../../../main/boundary/contract.js';
import { AccountNotices } from '../components/AccountNotices.js';
import { CallRow } from '../components/CallRow.js';
import { RingingAnnouncer } from '../components/RingingAnnouncer.js';
import { VirtualList } from '../components/VirtualList.js';
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
          >
            <h2 id={`group-${group.name}`}>
              {t(group.title)} <span class="group-count">{group.calls.length}</span>
            </h2>
            <VirtualList
              items={group.calls}
              keyOf={callKey}
              renderItem={(call) => <CallRow call={call} />}
              listClass="call-list"
              itemClass="call-row"
              estimatedHeight={ROW_PX}
            />
          </section>
        ))
      )}
    </main>
  );
}

const callKey = (call: { id: string }): string => call.id;

/** A row's height (calls.css, `--call-row-height`) at the default font size, until measured. */
const ROW_PX = 72;
