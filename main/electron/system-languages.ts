// The system's preferred languages, most preferred first (e.g. ['es-MX', 'en-US']), as Electron
// reads them from the OS; the app picks the first it speaks (boundary/i18n/locales.ts).
import { app } from 'electron';

export function systemLanguages(): readonly string[] {
  return app.getPreferredSystemLanguages();
}
