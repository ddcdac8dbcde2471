import { render } from 'preact';
import { App } from './App.js';
import { findBridge } from './bridge.js';

const root = document.getElementById('app');
const bridge = findBridge();
if (root) {
  render(
    bridge ? (
      <App bridge={bridge} />
    ) : (
      <main class="fatal">
        <h1>Evo Voice Tray could not start</h1>
        <p role="alert">This window must be opened from the Evo Voice Tray app.</p>
      </main>
    ),
    root,
  );
}
