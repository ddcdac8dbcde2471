// Where Electron's binary is, the way electron-vite looks for it (ELECTRON_EXEC_PATH, else
// node_modules/electron/path.txt under node_modules/electron/dist), and what to tell the agent
// when it is not there. Electron 45 no longer downloads it at install: our postinstall does.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const SKIP_VARIABLE = 'ELECTRON_SKIP_BINARY_DOWNLOAD';

/** True when the variable asks to skip the download (any value but empty, 0 or false). */
export function skipRequested(env = process.env) {
  const value = env[SKIP_VARIABLE];
  return value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase());
}

/** node_modules/electron; EVO_ELECTRON_PACKAGE_DIR stands in for it in tests (test/ship). */
export function electronPackageDir(env = process.env) {
  const override = env['EVO_ELECTRON_PACKAGE_DIR'];
  if (override) return override;
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/** { path, found, version }: path is null when nothing says where it would be. */
export function findElectronBinary(env = process.env, dir = electronPackageDir()) {
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const exec = env['ELECTRON_EXEC_PATH'];
  if (exec) return { path: exec, found: existsSync(exec), version };
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, found: false, version };
  const path = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return { path, found: existsSync(path), version };
}

/** One paragraph: what is missing, the command that fetches it, the variable that skips it. */
export function missingBinaryMessage(binary, env = process.env, who = 'Evo Voice Tray') {
  const where = binary.path
    ? `${binary.path} does not exist`
    : 'node_modules/electron/path.txt is missing, so it was never downloaded';
  const skipped = skipRequested(env)
    ? `${SKIP_VARIABLE} is set in this shell, which makes \`npm install\` skip the download`
    : `\`npm install\` skips the download when ${SKIP_VARIABLE}=1 is set, or the download failed`;
  const exec = env['ELECTRON_EXEC_PATH']
    ? ' ELECTRON_EXEC_PATH points at it: unset it or point it at an Electron executable.'
    : '';
  return (
    `${who} needs the Electron ${binary.version} binary, which is not installed ` +
    `(${where}). ${skipped}. Fetch it with \`npx install-electron\` ` +
    `(Electron's own download step; it needs github.com, or a mirror in ELECTRON_MIRROR), ` +
    `then run the command again.${exec}`
  );
}
