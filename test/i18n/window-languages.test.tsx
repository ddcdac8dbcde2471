// @vitest-environment happy-dom
// The window loads a language the first time the state asks for it, and until it has arrived
// keeps the one it was showing: never a message id, never half of two languages.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { signedIn } from '../../harness/app-states.js';
import { languagesLoading, loadLocale, translatorNow } from '../../renderer/src/i18n.js';
import { mountApp, settle, type Mounted } from '../renderer/mount.js';
import { stubBridge } from '../renderer/stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

/** The tabs' names, in the order shown: the words the whole window is in. */
const tabs = (m: Mounted): string[] =>
  m.findAll('nav a').map((a) => a.firstChild?.textContent ?? '');

describe("the window's languages", () => {
  it('shows the language before until the new one arrives, then switches at once', async () => {
    const state = signedIn();
    const bridge = stubBridge(state);
    app = await mountApp(bridge, '#/calls');
    expect(tabs(app)).toEqual(['Calls', 'Missed', 'Settings']);

    // The push re-renders before Spanish has arrived: still English, not ids.
    await act(() => bridge.push({ ...state, locale: 'es' }));
    expect(tabs(app)).toEqual(['Calls', 'Missed', 'Settings']);
    expect(document.documentElement.lang).toBe('en');
    await settle();
    expect(tabs(app)).toEqual(['Llamadas', 'Perdidas', 'Ajustes']);
    expect(document.documentElement.lang).toBe('es');

    // From Spanish to German: Spanish stays until German is there.
    await act(() => bridge.push({ ...state, locale: 'de' }));
    expect(tabs(app)).toEqual(['Llamadas', 'Perdidas', 'Ajustes']);
    await settle();
    expect(tabs(app)).toEqual(['Anrufe', 'Verpasst', 'Einstellungen']);
    expect(document.documentElement.lang).toBe('de');

    // A language already loaded shows with the push itself.
    await act(() => bridge.push({ ...state, locale: 'es' }));
    expect(tabs(app)).toEqual(['Llamadas', 'Perdidas', 'Ajustes']);
  });

  it('loads each language once, and reads English for one it lacks', async () => {
    const first = loadLocale('fr');
    expect(loadLocale('fr')).toBe(first);
    expect(translatorNow('fr')('nav.calls')).toBe('Calls');
    await first;
    await languagesLoading();
    expect(translatorNow('fr')('nav.calls')).toBe('Appels');
    await expect(loadLocale('ja')).resolves.toBeUndefined();
    expect(translatorNow('ja')('nav.calls')).toBe('Calls');
  });
});
