import type { Session } from '../../../main/boundary/contract.js';
import { FieldList, hasAny } from '../components/FieldList.js';
import { Section } from './Section.js';

export function PartiesSection({ session: s }: { session: Session }) {
  const values = [
    s.fromName,
    s.fromAddress,
    s.fromPhoneNumber,
    s.toAddress,
    s.displayName,
    s.callbackNumber,
    s.destination,
  ];
  if (!hasAny(values)) return null;
  return (
    <Section id="parties" title="Parties">
      <FieldList
        fields={[
          ['From', s.fromName],
          ['From address', s.fromAddress],
          ['From phone number', s.fromPhoneNumber],
          ['To', s.toAddress],
          ['Display name', s.displayName],
          ['Callback number', s.callbackNumber],
          ['Destination', s.destination],
        ]}
      />
    </Section>
  );
}
