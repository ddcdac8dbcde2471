// The electron-store `schema` option: the same bounds as the rules, for the file on disk.
import { RECENT_DESTINATIONS } from '../boundary/transfer-destination.js';
import {
  INCOMING_WINDOW_MODES,
  RING_SOUNDS,
  SCREEN_POP_WHEN,
  type Settings,
} from '../boundary/contract.js';
import { BOUNDS, LANGUAGE_CHOICES } from './keys.js';

/** A JSON Schema fragment (draft 2020-12, as ajv in electron-store reads it). */
export type JsonSchema = Readonly<Record<string, unknown>>;

const flag: JsonSchema = { type: 'boolean' };

export const settingsSchema: { readonly [K in keyof Settings]: JsonSchema } = {
  server: { type: 'string', minLength: 1 },
  username: { type: 'string', maxLength: BOUNDS.usernameMaxLength },
  pollIntervalMs: {
    type: 'integer',
    minimum: BOUNDS.pollIntervalMs.min,
    maximum: BOUNDS.pollIntervalMs.max,
  },
  ringingIntervalMs: {
    type: 'integer',
    minimum: BOUNDS.ringingIntervalMs.min,
    maximum: BOUNDS.ringingIntervalMs.max,
  },
  alerts: {
    type: 'object',
    properties: { ringing: flag, held: flag, missed: flag, connection: flag },
    required: ['ringing', 'held', 'missed', 'connection'],
    additionalProperties: false,
  },
  holdAlertDelayMs: {
    type: 'integer',
    minimum: BOUNDS.holdAlertDelayMs.min,
    maximum: BOUNDS.holdAlertDelayMs.max,
  },
  holdReminderMs: {
    anyOf: [
      { const: 0 },
      {
        type: 'integer',
        minimum: BOUNDS.holdReminderMs.min,
        maximum: BOUNDS.holdReminderMs.max,
      },
    ],
  },
  sound: flag,
  openAtLogin: flag,
  checkForUpdates: flag,
  alertsPausedUntil: {
    anyOf: [{ type: 'number', minimum: 0 }, { const: 'until-resumed' }, { type: 'null' }],
  },
  windowBounds: {
    anyOf: [
      {
        type: 'object',
        properties: {
          x: { type: 'integer' },
          y: { type: 'integer' },
          width: { type: 'integer', exclusiveMinimum: 0 },
          height: { type: 'integer', exclusiveMinimum: 0 },
        },
        required: ['x', 'y', 'width', 'height'],
        additionalProperties: false,
      },
      { type: 'null' },
    ],
  },
  // Each checked by checkDestination when read.
  recentDestinations: {
    type: 'array',
    items: { type: 'string', maxLength: 300 },
    maxItems: RECENT_DESTINATIONS,
  },
  ringUntilAnswered: flag,
  ringSound: { enum: [...RING_SOUNDS] },
  ringVolume: { type: 'number', minimum: 0, maximum: 1 },
  incomingWindow: { enum: [...INCOMING_WINDOW_MODES] },
  globalShortcut: { type: 'string', maxLength: BOUNDS.shortcutMaxLength },
  screenPop: {
    type: 'object',
    properties: {
      url: { type: 'string', maxLength: BOUNDS.screenPopUrlMaxLength },
      when: { enum: [...SCREEN_POP_WHEN] },
    },
    required: ['url', 'when'],
    additionalProperties: false,
  },
  ringDevice: { type: 'string', maxLength: BOUNDS.ringDeviceMaxLength },
  language: { enum: [...LANGUAGE_CHOICES] },
};
