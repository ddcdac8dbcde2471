import type { EvoTrayBridge, Session } from '../../../main/boundary/contract.js';
import { CopyButton } from '../components/CopyButton.js';
import { useT } from '../i18n.js';
import { Section } from './Section.js';

export function IdsSection({ session: s, bridge }: { session: Session; bridge: EvoTrayBridge }) {
  const t = useT();
  const ids: [string, string | undefined][] = [
    [t('details.sessionId'), s.id],
    [t('details.callSid'), s.callSid],
    [t('details.conferenceSid'), s.conferenceSid],
    [t('details.recentParticipantSid'), s.mostRecentParticipantCallSid],
    [t('details.queueMemberId'), s.queueMemberId],
    [t('details.ringQueueId'), s.ringQueueId],
  ];
  return (
    <Section id="ids" title={t('details.ids')}>
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
