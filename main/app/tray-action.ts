// What a tray menu item does, as a value: the model (tray-menu.ts) puts one on each item and the
// Electron adapter runs it by kind. No string codec between the two.
import type { CallAction } from '../boundary/contract.js';
import type { RESTART_TO_UPDATE } from '../updates/rules.js';

export type PauseMinutes = 15 | 60;

export type TrayAction =
  /** The call's details in the window (a missed call's too). */
  | { kind: 'open-session'; sessionId: string }
  /** Transfer opens the window's transfer form; the others are performed at once. */
  | { kind: 'call-action'; action: CallAction; sessionId: string }
  /** "Look up the caller": the call's screen pop in the system browser. */
  | { kind: 'screen-pop'; sessionId: string }
  | { kind: 'call-back' | 'copy-number'; number: string }
  | { kind: 'pause-alerts'; minutes: PauseMinutes | 'until-resumed' }
  | {
      kind:
        | 'clear-missed'
        | 'resume-alerts'
        | 'open-window'
        | 'open-settings'
        | 'sign-in'
        | 'sign-out'
        | typeof RESTART_TO_UPDATE
        | 'quit';
    };

export type MenuItem =
  | { kind: 'action'; action: TrayAction; label: string; enabled?: boolean; checked?: boolean }
  | { kind: 'label'; label: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; label: string; items: MenuItem[] };

export type MenuModel = MenuItem[];
