// The system browser: a screen pop opens there, never in one of the app's windows, so a CRM page
// gets none of the app's bridge and the agent's browser session (their CRM sign-in) is used.
import { shell } from 'electron';

/** Only after the address is checked (screen-pop/target.ts). */
export function openInBrowser(url: string): Promise<void> {
  return shell.openExternal(url);
}
