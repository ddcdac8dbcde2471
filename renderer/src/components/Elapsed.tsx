import { useNow } from '../ticker.js';
import { elapsedText, timeOf } from '../../../main/app/times.js';

/** Time since `since` (an API date), ticking every second; nothing when the date is unknown. */
export function Elapsed({
  since,
  label = 'Elapsed',
}: {
  since: string | undefined;
  label?: string;
}) {
  const start = timeOf(since);
  if (start === undefined) return null;
  return <ElapsedFrom start={start} label={label} />;
}

function ElapsedFrom({ start, label }: { start: number; label: string }) {
  const now = useNow();
  const text = elapsedText(now - start);
  return (
    <span class="elapsed" aria-label={`${label} ${text}`}>
      {text}
    </span>
  );
}
