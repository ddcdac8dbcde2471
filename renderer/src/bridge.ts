// The renderer's only door to the app: `window.evoTray`, exposed by the preload script.
import type { EvoTrayBridge } from '../../main/boundary/contract.js';

declare global {
  interface Window {
    evoTray?: EvoTrayBridge;
  }
}

/** The bridge, or undefined when the page runs outside the app (then the window says so). */
export function findBridge(): EvoTrayBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.evoTray;
}
