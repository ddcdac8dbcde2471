import type { Session } from '../../../main/boundary/contract.js';
import { FieldList, hasAny } from '../components/FieldList.js';
import { useT } from '../i18n.js';
import { Section } from './Section.js';

export function PartiesSection({ session: s }: { session: Session }) {
  const t = useT();
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
    <Section id="parties" title={t('details.parties')}>
      <FieldList
        fields={[
          [t('details.from'), s.fromName],
          [t('details.fromAddress'), s.fromAddress],
          [t('details.fromPhoneNumber'), s.fromPhoneNumber],
          [t('details.to'), s.toAddress],
          [t('details.displayName'), s.displayName],
          [t('details.callbackNumber'), s.callbackNumber],
          [t('details.destination'), s.destination],
        ]}
      />
    </Section>
  );
}
