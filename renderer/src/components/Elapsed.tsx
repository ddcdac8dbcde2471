import type { MessageId } from '../i18n.js';
import { useLocale, useT } from '../i18n.js';
import { useNow } from '../ticker.js';
import { elapsedText, timeOf } from '../../../main/boundary/times.js';

/**
 * Time since `since` (an API date, or epoch ms as a call's summary has it), ticking every
 * second; nothing when the date is unknown.
 */
export function Elapsed({
  since,
  label = 'calls.elapsed',
}: {
  since: string | number | undefined;
  /** Its spoken label, with the time as {time}. */
  label?: Extract<MessageId, 'calls.elapsed' | 'incoming.ringingFor'>;
}) {
  const t = useT();
  const locale = useLocale();
  // One component per timer (not a wrapper and a ticking child): a list of 500 calls renders
  // 500 fewer components. It listens to the ticker even without a date, which costs a Set entry.
  const now = useNow();
  const start = typeof since === 'number' ? since : timeOf(since);
  if (start === undefined) return null;
  const text = elapsedText(now - start, locale);
  return (
    <span class="elapsed" aria-label={t(label, { time: text })}>
      {text}
    </span>
  );
}
