import type { Session } from '../../../main/boundary/contract.js';
import { FieldList, hasAny } from '../components/FieldList.js';
import { Section } from './Section.js';

export function AccountSection({ session: s }: { session: Session }) {
  if (!hasAny([s.accountName, s.accountId, s.endpointName, s.endpointId])) return null;
  return (
    <Section id="account" title="Account and endpoint">
      <FieldList
        fields={[
          ['Account', s.accountName],
          ['Account id', s.accountId],
          ['Endpoint', s.endpointName],
          ['Endpoint id', s.endpointId],
        ]}
      />
    </Section>
  );
}
