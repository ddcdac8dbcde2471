// The window's decisions, pure: where it opens, which page it loads, and which links may leave
// the app.
import { checkPhoneNumber } from '../away/phone-number.js';
import type { WindowBounds } from '../boundary/contract.js';

export const WINDOW_SIZE = { width: 420, height: 600 } as const;

/**
 * Saved bounds when they still fit on the screen; otherwise next to the tray icon (below it on
 * a top panel, above it on a bottom taskbar); otherwise the top-right corner of the work area.
 */
export function windowBounds(
  saved: WindowBounds | null,
  tray: WindowBounds | null,
  workArea: WindowBounds,
): WindowBounds {
  if (saved && fits(saved, workArea)) return saved;
  const { width, height } = WINDOW_SIZE;
  const gap = 4;
  const clampX = (x: number) =>
    Math.min(Math.max(x, workArea.x), workArea.x + workArea.width - width);
  const clampY = (y: number) =>
    Math.min(Math.max(y, workArea.y), workArea.y + workArea.height - height);
  // Linux reports 0×0 tray bounds: there is nothing to place against.
  if (!tray || tray.width === 0 || tray.height === 0) {
    return {
      x: clampX(workArea.x + workArea.width - width - gap),
      y: workArea.y + gap,
      width,
      height,
    };
  }
  const trayAtTop = tray.y < workArea.y + workArea.height / 2;
  const x = clampX(Math.round(tray.x + tray.width / 2 - width / 2));
  const y = clampY(trayAtTop ? tray.y + tray.height + gap : tray.y - height - gap);
  return { x, y, width, height };
}

function fits(b: WindowBounds, area: WindowBounds): boolean {
  return (
    b.width >= 200 &&
    b.height >= 200 &&
    b.x >= area.x &&
    b.y >= area.y &&
    b.x + b.width <= area.x + area.width &&
    b.y + b.height <= area.y + area.height
  );
}

/**
 * Only https links to the agent's own Evo Voice server open in the browser, and `tel:` links
 * whose number passes the call-back check (digits, +, *, #) open in the phone handler.
 */
export function externalLinkAllowed(url: string, server: string): boolean {
  if (/^tel:/i.test(url)) return telLinkAllowed(url);
  try {
    const target = new URL(url);
    return target.protocol === 'https:' && target.host === new URL(server).host;
  } catch {
    return false;
  }
}

/** A `tel:` link exactly as telLink() writes it for a checked number, nothing more. */
export function telLinkAllowed(url: string): boolean {
  const number = /^tel:(.*)$/is.exec(url)?.[1]?.replace(/%23/gi, '#');
  if (number === undefined) return false;
  const checked = checkPhoneNumber(number);
  return checked.ok && checked.number === number;
}

/**
 * The dev server's address under `electron-vite dev`, or null for the built page. A packaged app
 * never honours the variable: anyone who can set it could load a remote page with the bridge.
 */
export function devRendererUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  if (isPackaged) return null;
  const url = env['ELECTRON_RENDERER_URL'];
  return url ? url : null;
}
