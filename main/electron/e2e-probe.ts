// Test-only (npm run e2e, test/e2e/): with EVO_E2E=1 in an UNPACKAGED app, what the tray and the
// notifications show is recorded on globalThis.__evoE2E, where Playwright's app.evaluate (main
// process) reads it: Electron offers no way to list trays or shown notifications. A packaged
// app never installs it, whatever the environment says.
import { app, Notification, Tray } from 'electron';

export interface E2EProbe {
  tooltips: string[];
  notifications: { title: string; body: string }[];
  /** The shown cards themselves, so the test can click one as the agent would. */
  cards: Notification[];
}

export function installE2EProbe(env: NodeJS.ProcessEnv = process.env): void {
  if (app.isPackaged || env['EVO_E2E'] !== '1') return;
  const probe: E2EProbe = { tooltips: [], notifications: [], cards: [] };
  (globalThis as { __evoE2E?: E2EProbe }).__evoE2E = probe;
  const setToolTip = Tray.prototype.setToolTip;
  Tray.prototype.setToolTip = function (this: Tray, text: string) {
    probe.tooltips.push(text);
    setToolTip.call(this, text);
  };
  const show = Notification.prototype.show;
  Notification.prototype.show = function (this: Notification) {
    probe.notifications.push({ title: this.title, body: this.body });
    probe.cards.push(this);
    show.call(this);
  };
}
