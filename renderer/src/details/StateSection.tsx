import type { Session } from '../../../main/boundary/contract.js';
import { FieldList } from '../components/FieldList.js';
import { When } from '../components/When.js';
import { useT } from '../i18n.js';
import { Section } from './Section.js';

export function StateSection({ session: s }: { session: Session }) {
  const t = useT();
  // The server's word, with what it means for the agent beside it.
  const holdReason =
    s.holdReason === 'Transferring'
      ? t('details.holdReasonTransferring', { reason: s.holdReason })
      : s.holdReason;
  return (
    <Section id="state" title={t('details.state')}>
      <FieldList
        fields={[
          [t('details.callState'), s.callState],
          [t('details.queueState'), s.queueState],
          [t('details.dialState'), s.dialState],
          [t('details.direction'), s.direction],
          [t('details.channel'), s.channel],
          [t('details.holdQueue'), s.holdQueueName],
          [t('details.holdReason'), holdReason],
          [t('details.heldBy'), s.heldByUserId],
          [t('details.answeredBy'), s.answeredByName],
          [t('details.answeredByEndpoint'), s.answeredById],
          [t('details.outcome'), s.outcome],
          [t('details.missed'), s.wasMissed],
          [t('details.endedField'), s.ended],
          [t('details.started'), s.dateCreated && <When at={s.dateCreated} />],
          [t('details.completed'), s.dateCompleted && <When at={s.dateCompleted} />],
          [t('details.lastChanged'), s.dateLastModified && <When at={s.dateLastModified} />],
          [t('details.createdBy'), s.createdBy],
          [t('details.lastChangedBy'), s.lastModifiedBy],
          [
            t('details.consoleData'),
            s.consoleData && <pre class="console-data">{s.consoleData}</pre>,
          ],
        ]}
      />
    </Section>
  );
}
