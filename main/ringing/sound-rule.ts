// Whether the ring sound plays, which one and how loud. Pure: the sound page does what this says.
import { RING_SOUNDS, type RingSound } from '../boundary/contract.js';
import type { Session } from '../boundary/session.js';
import { isOutgoing, sessionPhase } from '../boundary/session-reading.js';

export { RING_SOUNDS };
export type RingSoundId = RingSound;

export interface RingSettings {
  ringUntilAnswered: boolean;
  ringSound: string;
  /** 0..1 */
  ringVolume: number;
  alertsPaused: boolean;
  ringingAlertsOn: boolean;
  /** The output device id; '' is the system default. */
  ringDevice: string;
}

export type SoundCommand = { play: RingSoundId; volume: number; device: string } | { stop: true };

export const STOP: SoundCommand = { stop: true };

/** Incoming calls the platform is ringing for the agent. */
export function ringingCalls(sessions: readonly Session[]): Session[] {
  return sessions.filter((s) => sessionPhase(s) === 'ringing' && !isOutgoing(s));
}

export function soundFor(settings: RingSettings, sessions: readonly Session[]): SoundCommand {
  if (!settings.ringUntilAnswered || settings.alertsPaused || !settings.ringingAlertsOn)
    return STOP;
  if (ringingCalls(sessions).length === 0) return STOP;
  const volume = clampVolume(settings.ringVolume);
  if (volume === 0) return STOP;
  return { play: ringSoundId(settings.ringSound), volume, device: settings.ringDevice };
}

/** An unknown sound name (an older or edited settings file) rings the classic one. */
export function ringSoundId(name: string): RingSoundId {
  return (RING_SOUNDS as readonly string[]).includes(name) ? (name as RingSoundId) : 'classic';
}

function clampVolume(v: number): number {
  if (!Number.isFinite(v)) return 1;
  return Math.min(1, Math.max(0, v));
}

/** Whether two commands differ (the page is told only about changes). */
export function sameSound(a: SoundCommand, b: SoundCommand): boolean {
  if ('stop' in a || 'stop' in b) return 'stop' in a && 'stop' in b;
  return a.play === b.play && a.volume === b.volume && a.device === b.device;
}
