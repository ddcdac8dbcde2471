import type { EvoTrayBridge, SessionMember } from '../../../main/boundary/contract.js';
import { Avatar } from '../components/Avatar.js';
import { FieldList } from '../components/FieldList.js';
import { useT } from '../i18n.js';
import { Section } from './Section.js';

function MemberCard({ member: m, bridge }: { member: SessionMember; bridge: EvoTrayBridge }) {
  const t = useT();
  const name = m.displayName || m.identity || t('details.unnamedMember');
  const appData = Object.entries(m.applicationData ?? {});
  return (
    <li class="member">
      <div class="member-head">
        <Avatar url={m.avatarUrl} name={name} bridge={bridge} />
        <span class="member-name">{name}</span>
        {m.muted && <span class="badge badge-muted">{t('details.muted')}</span>}
      </div>
      <FieldList
        fields={[
          [t('details.identity'), m.identity],
          [t('details.role'), m.role],
          [t('details.callState'), m.callState],
          [t('details.muted'), m.muted],
          [t('details.originalMember'), m.isOriginalMember],
          [t('details.endpoint'), m.endpointId],
          [t('details.callSid'), m.callSid],
          ...appData.map(([key, value]): [string, string] => [key, value]),
        ]}
      />
    </li>
  );
}

export function MembersSection({
  members,
  bridge,
}: {
  members: SessionMember[] | undefined;
  bridge: EvoTrayBridge;
}) {
  const t = useT();
  if (!members || members.length === 0) return null;
  return (
    <Section id="members" title={t('details.members', { count: members.length })}>
      <ul class="members">
        {members.map((member, i) => (
          <MemberCard
            key={member.callSid ?? member.identity ?? i}
            member={member}
            bridge={bridge}
          />
        ))}
      </ul>
    </Section>
  );
}
