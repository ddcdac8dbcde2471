// Times for the agent, through Intl. The locale is optional so tests can pin it.
// Elapsed time and API dates are main's (main/boundary/times.ts), so the tray and the window agree.
import { dateTimeFormat } from '../../main/boundary/times.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

// Each formatter is built once (main/boundary/times.ts says why).
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale ?? '');
  if (format === undefined) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale ?? '', format);
  }
  return format;
}

/** "5 seconds ago", "in 2 minutes", "yesterday". */
export function formatRelative(at: number, now: number, locale?: string): string {
  const diff = at - now;
  const format = relativeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === 'second') {
      return format.format(Math.round(diff / size), unit);
    }
  }
  return format.format(0, 'second');
}

/** "14:05" */
export function formatClock(at: number, locale?: string): string {
  return dateTimeFormat(locale, { timeStyle: 'short' }).format(at);
}

/** "14:05:09": to the second, for when the app last heard from Evo Voice. */
export function formatTime(at: number, locale?: string): string {
  return dateTimeFormat(locale, { timeStyle: 'medium' }).format(at);
}

/** "26 Nov 2026, 14:05:09" */
export function formatDateTime(at: number, locale?: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
}
