import type { ComponentChildren } from 'preact';
import { useT } from '../i18n.js';

export type Field = [label: string, value: ComponentChildren | string | boolean | undefined];

/** A definition list of the fields that have a value; booleans read Yes / No. */
export function FieldList({ fields }: { fields: Field[] }) {
  const t = useT();
  const shown = fields.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl class="fields">
      {shown.map(([label, value]) => (
        <div class="field" key={label}>
          <dt>{label}</dt>
          <dd>{typeof value === 'boolean' ? (value ? t('field.yes') : t('field.no')) : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** True when at least one field would be shown: a section with none is left out. */
export function hasAny(values: unknown[]): boolean {
  return values.some(
    (v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
}
