// The optional global shortcut. A new one is registered before the old one is let go, so a
// combination the OS refuses (taken by another app, or not a valid accelerator) leaves the
// previous shortcut working, and the agent is told why.
import { globalShortcut } from 'electron';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';
import { shortcutRefusal } from '../ringing/shortcut-words.js';

export interface Shortcut {
  /** Registers `keys` ('' turns it off); throws an agent-readable Error when refused. */
  use(keys: string): void;
}

/** `words`: the agent's language for a refusal, asked when it happens. */
export function createShortcut(
  onPress: () => void,
  words: () => Translate = () => createTranslator('en'),
): Shortcut {
  let current = '';
  return {
    use(keys) {
      if (keys === current) return;
      if (keys !== '') {
        let ok: boolean;
        try {
          ok = globalShortcut.register(keys, onPress);
        } catch {
          // Electron throws on an accelerator it cannot parse.
          throw new Error(shortcutRefusal('not-understood', keys, current, words()));
        }
        if (!ok) {
          throw new Error(shortcutRefusal('taken', keys, current, words()));
        }
      }
      if (current !== '') globalShortcut.unregister(current);
      current = keys;
    },
  };
}
