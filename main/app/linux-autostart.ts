// "Open at login" on Linux: Electron's login items do nothing there, so the app writes (or
// removes) an XDG autostart entry, which GNOME, KDE, Xfce and most other desktops read.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface AutostartOptions {
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** The running executable (process.execPath); an AppImage is started by its own path. */
  execPath?: string;
}

export const AUTOSTART_NAME = 'evo-voice-tray.desktop';

/** `$XDG_CONFIG_HOME/autostart/…`, or `~/.config/autostart/…` when it is unset or relative. */
export function autostartFile(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const configured = env['XDG_CONFIG_HOME'];
  const config = configured?.startsWith('/') ? configured : join(home, '.config');
  return join(config, 'autostart', AUTOSTART_NAME);
}

/** The AppImage itself when running from one (its mount point changes every run). */
export function launchPath(env: NodeJS.ProcessEnv, execPath: string): string {
  return env['APPIMAGE'] || execPath;
}

export function autostartEntry(program: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Evo Voice Tray',
    'Comment=Live calls and ringing, held and missed call alerts for Evo Voice',
    `Exec=${execValue(program)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes or removes the entry. Throws when the file cannot be written (the caller logs it). */
export function setLinuxAutostart(openAtLogin: boolean, options: AutostartOptions = {}): void {
  const env = options.env ?? process.env;
  const file = autostartFile(env, options.home);
  if (!openAtLogin) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, autostartEntry(launchPath(env, options.execPath ?? process.execPath)));
}

/**
 * The Desktop Entry spec's Exec quoting: a path with a reserved character goes in double
 * quotes with `"`, `` ` ``, `$` and `\` escaped; then backslashes are escaped once more as in
 * any string value, and `%` (a field code) is doubled.
 */
function execValue(program: string): string {
  if (/[\r\n]/.test(program)) throw new Error('The program path contains a line break.');
  const quoted = /[\s"'\\<>~|&;$*?#()`]/.test(program)
    ? `"${program.replace(/(["`$\\])/g, '\\$1')}"`
    : program;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}
