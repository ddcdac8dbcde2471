import { render } from 'preact';
import { App } from './App.js';
import { findBridge } from './bridge.js';
import { loadLocale, translatorNow, windowLocale } from './i18n.js';

const root = document.getElementById('app');
const bridge = findBridge();
// The system's language is most often the agent's: its chunk loads while the first state comes
// (failing, the window reads English: the App asks again with the state's language).
const systemLanguage = loadLocale(windowLocale()).catch(() => undefined);
if (root && bridge) render(<App bridge={bridge} />, root);
else if (root) {
  const fatal = () => {
    const t = translatorNow(windowLocale());
    render(
      <main class="fatal">
        <h1>{t('app.startFailed')}</h1>
        <p role="alert">{t('app.noBridge')}</p>
      </main>,
      root,
    );
  };
  void systemLanguage.then(fatal);
}
