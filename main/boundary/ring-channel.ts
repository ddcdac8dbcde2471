// What main may tell the ring page, and the bridge the preload gives it. Nothing else crosses.
export const RING_CHANNEL = 'ring:command';

export type RingCommand = { play: string; volume: number } | { stop: true };

export interface RingBridge {
  onCommand(handler: (command: RingCommand) => void): void;
}

/** Only well-formed play/stop commands reach the page. */
export function isRingCommand(value: unknown): value is RingCommand {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.stop === true) return true;
  return typeof v.play === 'string' && typeof v.volume === 'number' && Number.isFinite(v.volume);
}
