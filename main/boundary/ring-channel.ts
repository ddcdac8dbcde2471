// What main may tell the ring page, what the page may answer, and the bridge the preload gives
// it. Nothing else crosses.
import type { RingDevice } from './contract.js';

export const RING_CHANNEL = 'ring:command';
/** The page's answers to main: a device it could not ring on, or the outputs it can see. */
export const RING_EVENT_CHANNEL = 'ring:event';

/** `device`: the output to ring on, '' for the system default. */
export type RingCommand =
  { play: string; volume: number; device: string } | { stop: true } | { listDevices: number };

export type RingEvent =
  { deviceMissing: string } | { deviceFound: string } | { devices: RingDevice[]; request: number };

export interface RingBridge {
  onCommand(handler: (command: RingCommand) => void): void;
  report(event: RingEvent): void;
}

const MAX_DEVICE_ID = 256;
const MAX_LABEL = 256;
const MAX_DEVICES = 64;

const isDeviceId = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_DEVICE_ID;

/** Only well-formed play/stop/list commands reach the page. */
export function isRingCommand(value: unknown): value is RingCommand {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.stop === true) return true;
  if (Number.isInteger(v.listDevices)) return true;
  return (
    typeof v.play === 'string' &&
    typeof v.volume === 'number' &&
    Number.isFinite(v.volume) &&
    isDeviceId(v.device)
  );
}

/** What main accepts from the page: the page is a renderer, so its words are checked too. */
export function isRingEvent(value: unknown): value is RingEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if ('deviceMissing' in v) return isDeviceId(v.deviceMissing) && v.deviceMissing !== '';
  if ('deviceFound' in v) return isDeviceId(v.deviceFound);
  return (
    Number.isInteger(v.request) &&
    Array.isArray(v.devices) &&
    v.devices.length <= MAX_DEVICES &&
    v.devices.every(isRingDevice)
  );
}

function isRingDevice(value: unknown): value is RingDevice {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return isDeviceId(d.deviceId) && typeof d.label === 'string' && d.label.length <= MAX_LABEL;
}
