// The BUILT app under the fake electron speaks the agent's language: with `language: 'es'` the
// tray menu, its tooltip and a ringing card are Spanish; switching the setting to German from
// the window re-renders the tray menu at once, without a restart. '' follows the system.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type WindowState } from '../../main/boundary/contract.js';
import { NO_MESSAGE, remoteErrorMessage } from '../../renderer/bridge-errors.js';
import { lastState, launch, menuLabels, signedInApp, stopAll } from './scenario.js';

afterEach(stopAll);

describe('the app in the agent’s language', () => {
  it('Spanish tray and card; German menu once the setting says so', async () => {
    const { app, sim } = await signedInApp({
      platform: 'linux',
      settings: { pollIntervalMs: 1000, language: 'es' },
    });
    sim.calls.arrive({ fromName: 'Grace Hopper', toAddress: 'Soporte' });
    let r = await app.waitFor('the ringing card', (x) =>
      x.notifications.some((n) => n.title.startsWith('Grace Hopper')),
    );
    expect(lastState(r)?.locale).toBe('es');
    const card = r.notifications.find((n) => n.title.startsWith('Grace Hopper'));
    // The caller and the line are the server's words: as they came, in our Spanish sentence.
    expect(card?.title).toMatch(/^Grace Hopper.* está llamando$/);
    expect(card?.body).toBe('Llamada entrante en Soporte');

    r = await app.waitFor('the ringing call in the tray', (x) =>
      menuLabels(x.menu).includes('Sonando'),
    );
    const spanish = menuLabels(r.menu);
    expect(spanish).toEqual(expect.arrayContaining(['Abrir ventana', 'Salir de Evo Voice Tray']));
    expect(spanish).not.toContain('Open window');
    expect(r.tooltip).toMatch(/^Evo Voice · (Disponible · )?1 llamada · 1 sonando$/);

    // A refused setting comes back to the window in the agent's language.
    await expect(app.invoke(IPC.updateSettings, [{ pollIntervalMs: 50 }])).rejects.toThrow(
      'Intervalo de consulta debe estar entre 1 y 60 segundos (se recibió 0,05).',
    );

    await app.invoke(IPC.updateSettings, [{ language: 'de' }]);
    r = await app.waitFor('the German menu', (x) => menuLabels(x.menu).includes('Fenster öffnen'));
    expect(menuLabels(r.menu)).toEqual(
      expect.arrayContaining(['Klingelt', 'Evo Voice Tray beenden']),
    );
    expect(r.tooltip).toMatch(/^Evo Voice · (Bereit · )?1 Anruf · 1 klingelt$/);
    expect(lastState(r)?.locale).toBe('de');
  });

  it('follows the system’s language when the setting is empty', async () => {
    const app = await launch({ env: { EVO_FAKE_LANGUAGES: 'fr-CA,en-US' } });
    const r = await app.waitFor('the French menu', (x) =>
      menuLabels(x.menu).includes('Ouvrir la fenêtre'),
    );
    expect(menuLabels(r.menu)).toContain('Quitter Evo Voice Tray');
    expect(r.tooltip).toMatch(/^Evo Voice · déconnecté/);
  });

  it('the settings file’s notice, a refused shortcut and a malformed request: no English', async () => {
    // A settings file the app cannot use (a directory), on a Spanish system.
    const userData = mkdtempSync(join(tmpdir(), 'evo-app-'));
    mkdirSync(join(userData, 'settings.json'));
    const app = await launch({ userData, env: { EVO_FAKE_LANGUAGES: 'es-ES' } });
    await app.waitFor(
      'the bridge and its window',
      (x) => x.handlers.includes(IPC.getState) && x.windows.length > 0,
    );
    const state = (await app.invoke(IPC.getState)) as WindowState;
    expect(state.locale).toBe('es');
    expect(state.account.notice).toMatch(/^No se pudieron leer tus ajustes de .*settings\.json/);

    await app.invoke(IPC.updateSettings, [{ globalShortcut: 'CommandOrControl+Shift+F9' }]);
    await app.request({ cmd: 'takeShortcut', accelerator: 'F10' });
    await expect(app.invoke(IPC.updateSettings, [{ globalShortcut: 'F10' }])).rejects.toThrow(
      'No se pudo registrar «F10»: puede que otra app la use. «CommandOrControl+Shift+F9» sigue funcionando; elige otra.',
    );

    // Only a broken window sends this: main's English stays out of the window, which says
    // "Something went wrong" in the agent's language instead.
    const refused: unknown = await app.invoke(IPC.getAvatar, [42]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'BadRequestError' });
    const asTheWindowGetsIt = new Error(
      `Error invoking remote method '${IPC.getAvatar}': ${String(refused)}`,
    );
    expect(remoteErrorMessage(asTheWindowGetsIt)).toBe(NO_MESSAGE);
  });
});
