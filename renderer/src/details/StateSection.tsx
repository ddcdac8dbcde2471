import type { Session } from '../../../main/boundary/contract.js';
import { FieldList } from '../components/FieldList.js';
import { When } from '../components/When.js';
import { Section } from './Section.js';

export function StateSection({ session: s }: { session: Session }) {
  const holdReason = s.holdReason === 'Transferring' ? 'Transferring (a transfer)' : s.holdReason;
  return (
    <Section id="state" title="State">
      <FieldList
        fields={[
          ['Call state', s.callState],
          ['Queue state', s.queueState],
          ['Dial state', s.dialState],
          ['Direction', s.direction],
          ['Channel', s.channel],
          ['Hold queue', s.holdQueueName],
          ['Hold reason', holdReason],
          ['Held by', s.heldByUserId],
          ['Answered by', s.answeredByName],
          ['Answered by endpoint', s.answeredById],
          ['Outcome', s.outcome],
          ['Missed', s.wasMissed],
          ['Ended', s.ended],
          ['Started', s.dateCreated && <When at={s.dateCreated} />],
          ['Completed', s.dateCompleted && <When at={s.dateCompleted} />],
          ['Last changed', s.dateLastModified && <When at={s.dateLastModified} />],
          ['Created by', s.createdBy],
          ['Last changed by', s.lastModifiedBy],
          ['Console data', s.consoleData && <pre class="console-data">{s.consoleData}</pre>],
        ]}
      />
    </Section>
  );
}
