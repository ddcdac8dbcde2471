import type { SessionLogEntry } from '../../../main/boundary/contract.js';
import { formatClock, timeOf } from '../../../main/boundary/times.js';
import { useLocale, useT } from '../i18n.js';
import { Section } from './Section.js';

export function LogTimeline({ log }: { log: SessionLogEntry[] | undefined }) {
  const t = useT();
  const locale = useLocale();
  if (!log || log.length === 0) return null;
  return (
    <Section id="log" title={t('details.log')}>
      <ol class="timeline">
        {log.map((entry, i) => {
          const at = timeOf(entry.date);
          return (
            <li key={i}>
              {entry.date && (
                <time dateTime={entry.date} class="timeline-time">
                  {at === undefined ? entry.date : formatClock(at, locale)}
                </time>
              )}
              <span class="timeline-message">{entry.message}</span>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
