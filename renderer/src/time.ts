// Times for the agent, through Intl. The locale is optional so tests can pin it.
// Elapsed time and API dates are main's (main/app/times.ts), so the tray and the window agree.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

// Building an Intl formatter costs a few milliseconds (locale data); formatting with one is
// cheap. The status line formats on every state pushed and every second, so each formatter is
// built once per locale and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function dateFormat(
  style: 'clock' | 'time' | 'date-time',
  locale: string | undefined,
): Intl.DateTimeFormat {
  const key = `${style} ${locale ?? ''}`;
  let format = formatters.get(key);
  if (!(format instanceof Intl.DateTimeFormat)) {
    format = new Intl.DateTimeFormat(
      locale,
      style === 'clock'
        ? { timeStyle: 'short' }
        : style === 'time'
          ? { timeStyle: 'medium' }
          : { dateStyle: 'medium', timeStyle: 'medium' },
    );
    formatters.set(key, format);
  }
  return format;
}

function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = `relative ${locale ?? ''}`;
  let format = formatters.get(key);
  if (!(format instanceof Intl.RelativeTimeFormat)) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formatters.set(key, format);
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
  return dateFormat('clock', locale).format(at);
}

/** "14:05:09": to the second, for when the app last heard from Evo Voice. */
export function formatTime(at: number, locale?: string): string {
  return dateFormat('time', locale).format(at);
}

/** "26 Nov 2026, 14:05:09" */
export function formatDateTime(at: number, locale?: string): string {
  return dateFormat('date-time', locale).format(at);
}
