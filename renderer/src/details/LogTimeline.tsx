import type { SessionLogEntry } from '../../../main/boundary/contract.js';
import { timeOf } from '../../../main/boundary/times.js';
import { formatClock } from '../time.js';
import { Section } from './Section.js';

export function LogTimeline({ log }: { log: SessionLogEntry[] | undefined }) {
  if (!log || log.length === 0) return null;
  return (
    <Section id="log" title="Log">
      <ol class="timeline">
        {log.map((entry, i) => {
          const at = timeOf(entry.date);
          return (
            <li key={i}>
              {entry.date && (
                <time dateTime={entry.date} class="timeline-time">
                  {at === undefined ? entry.date : formatClock(at)}
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
