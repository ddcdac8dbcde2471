import type { Session } from '../../../main/boundary/contract.js';
import { FieldList, hasAny } from '../components/FieldList.js';
import { useT } from '../i18n.js';
import { Section } from './Section.js';

export function CustomerSection({ session: s }: { session: Session }) {
  const t = useT();
  const crumbs = s.customerBreadcrumb ?? [];
  if (!hasAny([s.customerName, s.customerId, crumbs])) return null;
  return (
    <Section id="customer" title={t('details.customer')}>
      <FieldList
        fields={[
          [t('details.customer'), s.customerName],
          [t('details.customerId'), s.customerId],
        ]}
      />
      {crumbs.length > 0 && (
        <ol class="breadcrumb" aria-label={t('details.breadcrumb')}>
          {crumbs.map((c, i) => (
            <li key={c.id ?? i}>
              {c.name || c.id}
              {c.name && c.id && <span class="crumb-id"> ({c.id})</span>}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
