import type { SessionMember } from '../../../main/contract.js';
import { safeImageUrl } from '../calls.js';
import { FieldList } from '../components/FieldList.js';
import { Section } from './Section.js';

function MemberCard({ member: m }: { member: SessionMember }) {
  const avatar = safeImageUrl(m.avatarUrl);
  const name = m.displayName || m.identity || 'Unnamed member';
  const appData = Object.entries(m.applicationData ?? {});
  return (
    <li class="member">
      <div class="member-head">
        {avatar ? (
          <img
            class="avatar"
            src={avatar}
            alt=""
            width={32}
            height={32}
            referrerpolicy="no-referrer"
          />
        ) : (
          <span class="avatar avatar-initial" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </span>
        )}
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

export function MembersSection({ members }: { members: SessionMember[] | undefined }) {
  if (!members || members.length === 0) return null;
  return (
    <Section id="members" title={`Members (${members.length})`}>
      <ul class="members">
        {members.map((member, i) => (
          <MemberCard key={member.callSid ?? member.identity ?? i} member={member} />
        ))}
      </ul>
    </Section>
  );
}
