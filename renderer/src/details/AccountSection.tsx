import type { Session } from '../../../main/boundary/contract.js';
import { FieldList, hasAny } from '../components/FieldList.js';
import { useT } from '../i18n.js';
import { Section } from './Section.js';

export function AccountSection({ session: s }: { session: Session }) {
  const t = useT();
  if (!hasAny([s.accountName, s.accountId, s.endpointName, s.endpointId])) return null;
  return (
    <Section id="account" title={t('details.accountSection')}>
      <FieldList
        fields={[
          [t('details.account'), s.accountName],
          [t('details.accountId'), s.accountId],
          [t('details.endpoint'), s.endpointName],
          [t('details.endpointId'), s.endpointId],
        ]}
      />
    </Section>
  );
}
