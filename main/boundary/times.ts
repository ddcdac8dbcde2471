// Times as the agent reads them, in the language in use (AppState.locale). The tray and the
// window format through these, so both say the same. Time zone is injectable for tests.

export interface TimeFormat {
  locale?: string;
  timeZone?: string;
}

// Building an Intl formatter costs milliseconds (locale data); formatting with one is cheap.
// The tray menu and the window's status line format often, so each formatter is kept: one
// cache per locale, so switching language keeps both languages' formatters.
const formatters = new Map<string, Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>>();

function cached<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  locale: string | undefined,
  key: string,
  build: () => F,
): F {
  let ofLocale = formatters.get(locale ?? '');
  if (ofLocale === undefined) {
    ofLocale = new Map();
    formatters.set(locale ?? '', ofLocale);
  }
  let format = ofLocale.get(key);
  if (format === undefined) {
    format = build();
    ofLocale.set(key, format);
  }
  return format as F;
}

/** An Intl.DateTimeFormat for this locale (undefined: the system's) and these options, built once. */
export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cached(
    locale,
    `date ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "5 seconds ago", "in 2 minutes", "yesterday" ("hace 5 segundos"…) in `locale`. */
export function formatRelative(at: number, now: number, locale: string): string {
  const diff = at - now;
  const format = cached(
    locale,
    'relative',
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === 'second') {
      return format.format(Math.round(diff / size), unit);
    }
  }
  return format.format(0, 'second');
}

/** "14:05" (or "2:05 PM"), as `locale` writes a time. */
export function formatClock(at: number, locale: string): string {
  return dateTimeFormat(locale, { timeStyle: 'short' }).format(at);
}

/** "14:05:09": to the second, for when the app last heard from Evo Voice. */
export function formatTime(at: number, locale: string): string {
  return dateTimeFormat(locale, { timeStyle: 'medium' }).format(at);
}

/** "26 Nov 2026, 14:05:09" */
export function formatDateTime(at: number, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
}

/**
 * "0:42", "12:05", "1:02:09": how long a call has been going, its digits as `locale` writes
 * them (Intl). Negative (clock skew) is 0:00.
 */
export function elapsedText(ms: number, locale = 'en'): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const plain = numberFormat(locale, 1);
  const two = numberFormat(locale, 2);
  if (hours === 0) return `${plain.format(minutes)}:${two.format(seconds)}`;
  return `${plain.format(hours)}:${two.format(minutes)}:${two.format(seconds)}`;
}

const numbers = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale} ${digits}`;
  let format = numbers.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { minimumIntegerDigits: digits, useGrouping: false });
    numbers.set(key, format);
  }
  return format;
}

/** "14:05" (or "2:05 PM"), with the day in front when `at` is not on the same day as `now`. */
export function clockText(at: number, now: number, format: TimeFormat = {}): string {
  const zone = format.timeZone === undefined ? {} : { timeZone: format.timeZone };
  const day = dateTimeFormat(format.locale, { ...zone, dateStyle: 'short' });
  const sameDay = day.format(at) === day.format(now);
  return dateTimeFormat(format.locale, {
    ...zone,
    hour: 'numeric',
    minute: '2-digit',
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
  }).format(at);
}

/** Epoch ms of an API date string, or undefined when it is missing or unreadable. */
export function timeOf(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const at = Date.parse(iso);
  return Number.isFinite(at) ? at : undefined;
}
