import { render } from 'preact';
import { createTranslator } from '../../main/boundary/i18n/translate.js';
import { App } from './App.js';
import { findBridge } from './bridge.js';
import { windowLocale } from './i18n.js';

const root = document.getElementById('app');
const bridge = findBridge();
if (root) {
  const t = createTranslator(windowLocale());
  render(
    bridge ? (
      <App bridge={bridge} />
    ) : (
      <main class="fatal">
        <h1>{t('app.startFailed')}</h1>
        <p role="alert">{t('app.noBridge')}</p>
      </main>
    ),
    root,
  );
}
