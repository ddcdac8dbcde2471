// Why the OS would not take the global shortcut, in the agent's language. Pure: the
// registering itself is electron/shortcut.ts.
import type { Translate } from '../boundary/i18n/index.js';

/** How a combination is written, shown when one is not understood. */
export const SHORTCUT_EXAMPLE = 'CommandOrControl+Shift+A';

/**
 * 'not-understood': not an accelerator Electron can parse. 'taken': the OS refused it (another
 * app may hold it); `current` is the shortcut that keeps working ('' when none).
 */
export function shortcutRefusal(
  why: 'not-understood' | 'taken',
  keys: string,
  current: string,
  t: Translate,
): string {
  if (why === 'not-understood') {
    return t('shortcut.notUnderstood', { keys, example: SHORTCUT_EXAMPLE });
  }
  return current === ''
    ? t('shortcut.taken', { keys })
    : t('shortcut.takenKeepsOld', { keys, current });
}
