// What each tray menu item does: the menu model (app/tray-menu) puts a typed action on the item,
// this runs it through the same parts the window's bridge uses.
import type { BridgeHandlers } from './ipc.js';
import type { CallAction } from '../boundary/contract.js';
import type { Logger } from '../log.js';
import type { TrayAction } from '../app/tray-action.js';

export const sessionRoute = (id: string) => `/sessions/${encodeURIComponent(id)}`;
const transferRoute = (id: string) => `${sessionRoute(id)}/transfer`;

export interface TrayMenuParts {
  openWindow(route?: string): void;
  bridge: BridgeHandlers;
  /** An action from the tray: the menu item itself is the confirmation. */
  actFromTray(sessionId: string, action: CallAction): Promise<unknown>;
  callBack(number: string): Promise<unknown>;
  /** The call's screen pop; a failure comes back as a notification. */
  lookUp(sessionId: string): Promise<unknown>;
  clearMissed(): void;
  signOut(): Promise<unknown>;
  /** False when it is not the time (a call is on). */
  restartToUpdate(): boolean;
  quit(): void;
  log: Logger;
}

export function trayMenuActions(parts: TrayMenuParts): (action: TrayAction) => void {
  const { openWindow, bridge, log } = parts;
  return (action) => {
    switch (action.kind) {
      case 'open-session':
        return openWindow(sessionRoute(action.sessionId));
      case 'call-action':
        // Transfer needs a destination: the window's form for that call.
        if (action.action === 'transfer') return openWindow(transferRoute(action.sessionId));
        return void parts.actFromTray(action.sessionId, action.action);
      case 'screen-pop':
        return void parts.lookUp(action.sessionId);
      case 'call-back':
        return void parts.callBack(action.number);
      case 'copy-number':
        return void bridge.copyText(action.number);
      case 'pause-alerts':
        return void bridge.pauseAlerts(action.minutes);
      case 'resume-alerts':
        return void bridge.pauseAlerts(null);
      case 'clear-missed':
        return parts.clearMissed();
      case 'open-settings':
        return openWindow('/settings');
      case 'open-window':
      case 'sign-in':
        return openWindow();
      case 'sign-out':
        return void parts.signOut();
      case 'restart-to-update':
        if (!parts.restartToUpdate()) log.info('Restart to update: not now (a call is on).');
        return;
      case 'quit':
        return parts.quit();
      default:
        // A kind added to TrayAction without a case here does not compile.
        return unhandled(action);
    }
  };
}

function unhandled(action: never): never {
  throw new Error(`Unhandled tray action: ${JSON.stringify(action)}`);
}
