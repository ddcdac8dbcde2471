import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartEntry,
  autostartFile,
  setLinuxAutostart,
} from '../../main/app/linux-autostart.js';

let config = '';
beforeEach(() => {
  config = mkdtempSync(join(tmpdir(), 'evo-xdg-'));
});
afterEach(() => rmSync(config, { recursive: true, force: true }));

const entryAt = (dir: string) => join(dir, 'autostart', 'evo-voice-tray.desktop');
const execLine = (text: string) => /^Exec=(.*)$/m.exec(text)?.[1];

describe('the Linux autostart entry', () => {
  it('is written under $XDG_CONFIG_HOME when open at login is turned on, and removed when off', () => {
    const env = { XDG_CONFIG_HOME: config };
    setLinuxAutostart(true, { env, execPath: '/opt/Evo Voice Tray/evo-voice-tray' });
    const text = readFileSync(entryAt(config), 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    expect(text).toContain('Name=Evo Voice Tray');
    expect(execLine(text)).toBe('"/opt/Evo Voice Tray/evo-voice-tray"');

    setLinuxAutostart(false, { env });
    expect(existsSync(entryAt(config))).toBe(false);
    // Turning off what is already off is fine.
    expect(() => setLinuxAutostart(false, { env })).not.toThrow();
  });

  it('starts the AppImage itself when running from one', () => {
    const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/ada/Apps/Evo-Voice-Tray.AppImage' };
    setLinuxAutostart(true, { env, execPath: '/tmp/.mount_EvoXYZ/evo-voice-tray' });
    expect(execLine(readFileSync(entryAt(config), 'utf8'))).toBe(
      '/home/ada/Apps/Evo-Voice-Tray.AppImage',
    );
  });

  it('falls back to ~/.config without XDG_CONFIG_HOME (or with a relative one)', () => {
    expect(autostartFile({}, '/home/ada')).toBe(
      '/home/ada/.config/autostart/evo-voice-tray.desktop',
    );
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative/dir' }, '/home/ada')).toBe(
      '/home/ada/.config/autostart/evo-voice-tray.desktop',
    );
    setLinuxAutostart(true, { env: {}, home: config, execPath: '/usr/bin/evo-voice-tray' });
    expect(existsSync(join(config, '.config', 'autostart', 'evo-voice-tray.desktop'))).toBe(true);
  });

  it('quotes a path as the Desktop Entry spec asks', () => {
    expect(execLine(autostartEntry('/usr/bin/evo-voice-tray'))).toBe('/usr/bin/evo-voice-tray');
    expect(execLine(autostartEntry('/opt/a "b"/$x'))).toBe('"/opt/a \\\\"b\\\\"/\\\\$x"');
    expect(execLine(autostartEntry('/opt/100%/app'))).toBe('/opt/100%%/app');
  });
});
