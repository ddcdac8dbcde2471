// fast-check generators for settings: valid ones, and stored values that may be anything.
import fc from 'fast-check';
import { SUPPORTED_LOCALES } from '../../main/boundary/i18n/index.js';
import {
  INCOMING_WINDOW_MODES,
  RING_SOUNDS,
  SCREEN_POP_WHEN,
  type Settings,
} from '../../main/boundary/contract.js';

export const validSettings: fc.Arbitrary<Settings> = fc.record({
  server: fc.constantFrom(
    'https://evovoice.io',
    'https://team.evovoice.io',
    'http://127.0.0.1:8080',
  ),
  username: fc.string({ maxLength: 40 }).map((s) => s.trim()),
  pollIntervalMs: fc.integer({ min: 1000, max: 60_000 }),
  ringingIntervalMs: fc.integer({ min: 500, max: 10_000 }),
  alerts: fc.record({
    ringing: fc.boolean(),
    held: fc.boolean(),
    missed: fc.boolean(),
    connection: fc.boolean(),
  }),
  holdAlertDelayMs: fc.integer({ min: 0, max: 3_600_000 }),
  holdReminderMs: fc.oneof(fc.constant(0), fc.integer({ min: 10_000, max: 3_600_000 })),
  sound: fc.boolean(),
  openAtLogin: fc.boolean(),
  checkForUpdates: fc.boolean(),
  alertsPausedUntil: fc.oneof(
    fc.constant(null),
    fc.constant('until-resumed' as const),
    fc.integer({ min: 0, max: 2 ** 45 }),
  ),
  windowBounds: fc.oneof(
    fc.constant(null),
    fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 5000 }),
      height: fc.integer({ min: 1, max: 5000 }),
    }),
  ),
  recentDestinations: fc.uniqueArray(
    fc.oneof(
      fc.stringMatching(/^\+?[0-9]{2,15}$/),
      fc.constantFrom('sip:desk@pbx.example.com', 'sips:alex@sip.example.org:5061'),
    ),
    { maxLength: 5 },
  ),
  ringUntilAnswered: fc.boolean(),
  ringSound: fc.constantFrom(...RING_SOUNDS),
  ringVolume: fc.double({ min: 0, max: 1, noNaN: true }),
  incomingWindow: fc.constantFrom(...INCOMING_WINDOW_MODES),
  globalShortcut: fc.constantFrom('', 'CommandOrControl+Shift+A', 'F9'),
  screenPop: fc.record({
    url: fc.constantFrom('', 'https://crm.example.com/find?phone={fromDigits}', 'https://x/{nope}'),
    when: fc.constantFrom(...SCREEN_POP_WHEN),
  }),
  ringDevice: fc.constantFrom('', 'default', 'a'.repeat(64)),
  language: fc.constantFrom('', ...SUPPORTED_LOCALES),
});
