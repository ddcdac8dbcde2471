// The `watch` command line: parsed and checked before anything touches the network.
import { parseArgs } from 'node:util';
import { parseServerUrl } from '../evo/server-url.js';
import { DEFAULT_RINGING_INTERVAL_MS, MIN_RINGING_INTERVAL_MS } from '../watch/poll-interval.js';
import { DEFAULT_TIMING, type WatchTiming } from '../watch/events.js';
import { errorMessage } from '../boundary/errors.js';
import { isSupportedLocale, SUPPORTED_LOCALES, type Locale } from '../boundary/i18n/index.js';

export const USAGE = `Usage:
  evo-voice-watch --server <url> --user <email> [options]   (built: node out/cli/watch.js)
  evo-voice-watch --demo [options]
  npm run watch -- …                                          (the same, from source, via tsx)

Prints one JSON object per line on stdout for every ringing, answered, held, missed and
ended call and every connection change; a readable log goes to stderr.

Options:
  --server <url>              Evo Voice server, e.g. https://evovoice.io or evovoice.io
  --user <email>              the agent to sign in as
  --interval-ms <ms>          time between polls (default 3000; 1000 with --demo)
  --ringing-interval-ms <ms>  time between polls while a call rings or is queued
                              (default 1000, at least 500)
  --hold-alert-ms <ms>        alert when a call has been held this long (default 0: at once)
  --hold-reminder-ms <ms>     remind about a held call this often (default 120000; 0: never)
  --state-dir <dir>           remember what was already alerted across restarts
  --request-timeout-ms <ms>   give up on a request after this long (default 10000)
  --lang <code>               the language of each event's title and body: ${SUPPORTED_LOCALES.join(', ')}
                              (default en; event names and JSON keys never change)
  --demo                      watch the built-in simulator with a busy call center
  --help                      show this help

The password comes from EVO_PASSWORD, else the keychain entry the app saved, else a prompt.
Exit status: 0 stopped by SIGINT/SIGTERM, 2 bad arguments or no password, 3 sign-in rejected.`;

export interface WatchArgs {
  /**
   * Absent with --demo: the simulator provides both. The server is already checked and
   * written out in full (`evovoice.io` → `https://evovoice.io/`).
   */
  account?: { server: string; username: string };
  timing: WatchTiming;
  stateDir?: string;
  /** Undefined: the API client's default. */
  requestTimeoutMs?: number;
  demo: boolean;
  /** --lang: the language of the events' title and body; absent, English. */
  language?: Locale;
}

export type ParsedArgs =
  { kind: 'help' } | { kind: 'watch'; args: WatchArgs } | { kind: 'invalid'; message: string };

const DEMO_INTERVAL_MS = 1000;
const DAY_MS = 86_400_000;

/** Name → [smallest, largest] allowed. */
const BOUNDS = {
  'interval-ms': [100, 3_600_000],
  'ringing-interval-ms': [MIN_RINGING_INTERVAL_MS, 3_600_000],
  'hold-alert-ms': [0, DAY_MS],
  'hold-reminder-ms': [0, DAY_MS],
  'request-timeout-ms': [100, 300_000],
} as const;

export function parseWatchArgs(argv: string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        server: { type: 'string' },
        user: { type: 'string' },
        'interval-ms': { type: 'string' },
        'ringing-interval-ms': { type: 'string' },
        'hold-alert-ms': { type: 'string' },
        'hold-reminder-ms': { type: 'string' },
        'state-dir': { type: 'string' },
        'request-timeout-ms': { type: 'string' },
        lang: { type: 'string' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    return invalid(errorMessage(e));
  }
  if (values.help) return { kind: 'help' };

  const demo = values.demo;
  const numbers: Partial<Record<keyof typeof BOUNDS, number>> = {};
  for (const name of Object.keys(BOUNDS) as (keyof typeof BOUNDS)[]) {
    const text = values[name];
    if (text === undefined) continue;
    const [min, max] = BOUNDS[name];
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      return invalid(`--${name} must be a whole number of milliseconds from ${min} to ${max}.`);
    }
    numbers[name] = value;
  }
  const timing: WatchTiming = {
    pollIntervalMs:
      numbers['interval-ms'] ?? (demo ? DEMO_INTERVAL_MS : DEFAULT_TIMING.pollIntervalMs),
    ringingIntervalMs: numbers['ringing-interval-ms'] ?? DEFAULT_RINGING_INTERVAL_MS,
    holdAlertDelayMs: numbers['hold-alert-ms'] ?? DEFAULT_TIMING.holdAlertDelayMs,
    holdReminderMs: numbers['hold-reminder-ms'] ?? DEFAULT_TIMING.holdReminderMs,
  };
  const stateDir = values['state-dir'];
  if (stateDir === '') return invalid('--state-dir must name a directory.');
  const lang = values.lang?.trim();
  if (lang !== undefined && !isSupportedLocale(lang)) {
    return invalid(`--lang must be one of ${SUPPORTED_LOCALES.join(', ')} (not "${lang}").`);
  }
  const common = {
    timing,
    stateDir,
    requestTimeoutMs: numbers['request-timeout-ms'],
    demo,
    ...(lang === undefined ? {} : { language: lang }),
  };

  if (demo) {
    if (values.server !== undefined || values.user !== undefined) {
      return invalid('--demo watches its own simulator: leave out --server and --user.');
    }
    return { kind: 'watch', args: common };
  }

  if (values.server === undefined) return invalid('--server is required (or use --demo).');
  let server: string;
  try {
    // The same rules the client applies, checked before any password is looked up or asked.
    server = parseServerUrl(values.server).href;
  } catch (e) {
    return invalid(`--server: ${errorMessage(e)}`);
  }
  const username = values.user?.trim();
  if (!username) return invalid('--user is required: the email you sign in to Evo Voice with.');
  return { kind: 'watch', args: { ...common, account: { server, username } } };
}

function invalid(message: string): ParsedArgs {
  return { kind: 'invalid', message };
}
