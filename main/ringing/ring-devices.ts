// The ring's speakers, pure: the list Settings' picker shows, and when the window says the
// chosen one is gone.
import type { RingDevice } from '../boundary/contract.js';
import type { RingEvent } from '../boundary/ring-channel.js';

/** The system default first (labelled by the window, in the agent's language), then the rest. */
export const SYSTEM_DEFAULT: RingDevice = { deviceId: '', label: '' };

/**
 * The page's outputs after the system default. Chromium's own 'default' entry is the same
 * speaker under another id, so it is not offered twice.
 */
export function ringDeviceChoices(devices: readonly RingDevice[]): RingDevice[] {
  return [SYSTEM_DEFAULT, ...devices.filter((d) => d.deviceId !== '' && d.deviceId !== 'default')];
}

/**
 * `AppState.ringDeviceMissing` after the page's report: set once for the chosen device that
 * was not found, cleared when it is found again; a report about another device (a setting
 * changed meanwhile) changes nothing.
 */
export function missingRingDevice(
  missing: string | undefined,
  chosen: string,
  event: RingEvent,
): string | undefined {
  if ('deviceMissing' in event && event.deviceMissing === chosen) return chosen;
  if ('deviceFound' in event && event.deviceFound === missing) return undefined;
  return missing;
}
