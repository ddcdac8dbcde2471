import type { Session } from '../../../main/boundary/contract.js';
import { FieldList, hasAny } from '../components/FieldList.js';
import { Section } from './Section.js';

export function CustomerSection({ session: s }: { session: Session }) {
  const crumbs = s.customerBreadcrumb ?? [];
  if (!hasAny([s.customerName, s.customerId, crumbs])) return null;
  return (
    <Section id="customer" title="Customer">
      <FieldList
        fields={[
          ['Customer', s.customerName],
          ['Customer id', s.customerId],
        ]}
      />
      {crumbs.length > 0 && (
        <ol class="breadcrumb" aria-label="Customer breadcrumb">
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
