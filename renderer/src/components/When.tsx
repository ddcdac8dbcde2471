import { useNow } from '../ticker.js';
import { formatDateTime, formatRelative, timeOf } from '../../../main/boundary/times.js';
import { useLocale } from '../i18n.js';

/** A moment as "3 minutes ago" with the absolute date beside it; the raw value stays in dateTime. */
export function When({ at }: { at: string | number | undefined }) {
  const ms = typeof at === 'number' ? at : timeOf(at);
  const now = useNow();
  const locale = useLocale();
  if (ms === undefined) return at === undefined ? null : <span>{String(at)}</span>;
  const iso = typeof at === 'string' ? at : new Date(ms).toISOString();
  return (
    <time dateTime={iso} title={formatDateTime(ms, locale)}>
      {formatRelative(ms, now, locale)} <span class="muted">· {formatDateTime(ms, locale)}</span>
    </time>
  );
}
