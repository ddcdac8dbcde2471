import type { EvoTrayBridge, SessionMember } from '../../../main/boundary/contract.js';
import { Avatar } from '../components/Avatar.js';
import { FieldList } from '../components/FieldList.js';
import { Section } from './Section.js';

function MemberCard({ member: m, bridge }: { member: SessionMember; bridge: EvoTrayBridge }) {
  const name = m.displayName || m.identity || 'Unnamed member';
  const appData = Object.entries(m.applicationData ?? {});
  return (
    <li class="member">
      <div class="member-head">
        <Avatar url={m.avatarUrl} name={name} bridge={bridge} />
        <span class="member-name">{name}</span>
        {m.muted && <span class="badge badge-muted">Muted</span>}
      </div>
      <FieldList
        fields={[
          ['Identity', m.identity],
          ['Role', m.role],
          ['Call state', m.callState],
          ['Muted', m.muted],
          ['Original member', m.isOriginalMember],
          ['Endpoint', m.endpointId],
          ['Call SID', m.callSid],
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
  if (!members || members.length === 0) return null;
  return (
    <Section id="members" title={`Members (${members.length})`}>
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
