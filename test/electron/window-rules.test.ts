import { describe, expect, it } from 'vitest';
import {
  WINDOW_SIZE,
  devRendererUrl,
  externalLinkAllowed,
  windowBounds,
} from '../../main/electron/window-rules.js';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const { width, height } = WINDOW_SIZE;

describe('where the window opens', () => {
  it('where the agent left it, when that is still on screen', () => {
    const saved = { x: 100, y: 120, width: 500, height: 640 };
    expect(windowBounds(saved, null, screen)).toEqual(saved);
  });

  it('next to the tray when the saved place is off screen (a monitor was unplugged)', () => {
    const saved = { x: 2500, y: 100, width: 500, height: 640 };
    const tray = { x: 1700, y: 0, width: 24, height: 24 };
    // Centred under the icon would overflow the right edge: pulled back inside.
    expect(windowBounds(saved, tray, screen)).toEqual({ x: 1920 - width, y: 28, width, height });
  });

  it('above a tray on a bottom taskbar, kept inside the screen', () => {
    const tray = { x: 1900, y: 1050, width: 20, height: 30 };
    expect(windowBounds(null, tray, screen)).toEqual({
      x: 1920 - width,
      y: 1050 - height - 4,
      width,
      height,
    });
  });

  it('in the top-right corner when the tray does not say where it is (Linux)', () => {
    const tray = { x: 0, y: 0, width: 0, height: 0 };
    expect(windowBounds(null, tray, screen)).toEqual({ x: 1920 - width - 4, y: 4, width, height });
  });
});

describe('links that may open in the browser', () => {
  const server = 'https://team.evovoice.io';
  it('https on the agent’s own server', () => {
    expect(externalLinkAllowed('https://team.evovoice.io/calls/1', server)).toBe(true);
  });
  it.each([
    ['http on the same host', 'http://team.evovoice.io/calls/1'],
    ['another host', 'https://evil.example/phish'],
    ['a look-alike host', 'https://team.evovoice.io.evil.example/'],
    ['a file', 'file:///etc/passwd'],
    ['a script', 'javascript:alert(1)'],
  ])('refuses %s', (_what, url) => {
    expect(externalLinkAllowed(url, server)).toBe(false);
  });
});

describe('which page the window loads', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };

  it('the dev server under `electron-vite dev` (not packaged)', () => {
    expect(devRendererUrl(env, false)).toBe('http://localhost:5173');
    expect(devRendererUrl({}, false)).toBeNull();
  });

  it('never the variable in a packaged app: the built page', () => {
    expect(devRendererUrl(env, true)).toBeNull();
  });
});
