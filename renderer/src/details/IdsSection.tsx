import type { EvoTrayBridge, Session } from '../../../main/boundary/contract.js';
import { CopyButton } from '../components/CopyButton.js';
import { Section } from './Section.js';

export function IdsSection({ session: s, bridge }: { session: Session; bridge: EvoTrayBridge }) {
  const ids: [string, string | undefined][] = [
    ['Session id', s.id],
    ['Call SID', s.callSid],
    ['Conference SID', s.conferenceSid],
    ['Most recent participant call SID', s.mostRecentParticipantCallSid],
    ['Queue member id', s.queueMemberId],
    ['Ring queue id', s.ringQueueId],
  ];
  return (
    <Section id="ids" title="Ids">
      <dl class="fields ids">
        {ids.flatMap(([label, value]) =>
          value
            ? [
                <div class="field" key={label}>
                  <dt>{label}</dt>
                  <dd>
                    <code>{value}</code>
                    <CopyButton bridge={bridge} value={value} label={label} />
                  </dd>
                </div>,
              ]
            : [],
        )}
      </dl>
    </Section>
  );
}
