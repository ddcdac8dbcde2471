// The optional global shortcut. A new one is registered before the old one is let go, so a
// combination the OS refuses (taken by another app, or not a valid accelerator) leaves the
// previous shortcut working, and the agent is told why.
import { globalShortcut } from 'electron';

export interface Shortcut {
  /** Registers `keys` ('' turns it off); throws an agent-readable Error when refused. */
  use(keys: string): void;
}

export function createShortcut(onPress: () => void): Shortcut {
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
          throw new Error(
            `“${keys}” is not a key combination the app understands. ` +
              'Use modifiers and a key joined by +, such as CommandOrControl+Shift+A.',
          );
        }
        if (!ok) {
          throw new Error(
            `“${keys}” could not be registered: another app may use it. ` +
              (current === '' ? 'Choose another.' : `“${current}” still works; choose another.`),
          );
        }
      }
      if (current !== '') globalShortcut.unregister(current);
      current = keys;
    },
  };
}
