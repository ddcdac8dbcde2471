// Times as the agent reads them in the tray. Locale and time zone are injectable so tests (and
// a future language setting) decide them; by default the system's are used.

export interface TimeFormat {
  locale?: string;
  timeZone?: string;
}

// Building an Intl formatter costs milliseconds (locale data); formatting with one is cheap.
// The tray menu and the window's status line format often, so each formatter is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** An Intl.DateTimeFormat for this locale and these options, built once. */
export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** "0:42", "12:05", "1:02:09": how long a call has been going. Negative (clock skew) is 0:00. */
export function elapsedText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours === 0) return `${minutes}:${ss}`;
  return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
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
