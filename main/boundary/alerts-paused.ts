// Whether alerts are paused now: the tray, the cards and the window's status line all ask it.
import type { AlertsPausedUntil } from './contract.js';

export function isPaused(pausedUntil: AlertsPausedUntil | null | undefined, now: number): boolean {
  if (pausedUntil === 'until-resumed') return true;
  return typeof pausedUntil === 'number' && now < pausedUntil;
}
