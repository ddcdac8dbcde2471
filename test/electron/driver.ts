// Runs the BUILT main bundle (out/main/index.js) under the fake electron, in a child process of
// the test (so the app's globals and timers die with it). The test sends commands over the IPC
// channel and gets JSON answers: see app-harness.ts.
import Module, { register } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFakeElectron } from './fake-electron.js';

const root = resolve(import.meta.dirname, '../..');
// macOS and Windows behave differently in the tray (a click opens the window): the app reads
// process.platform, so the test may ask for another one.
const platform = process.env['EVO_FAKE_PLATFORM'];
if (platform) Object.defineProperty(process, 'platform', { value: platform });
const fake = createFakeElectron({
  userData: process.env['EVO_FAKE_USER_DATA'] ?? '',
  appPath: root,
  singleInstanceLock: process.env['EVO_FAKE_LOCK'] !== 'taken',
  isPackaged: process.env['EVO_FAKE_PACKAGED'] === '1',
  secondLaunchAtReady: process.env['EVO_FAKE_SECOND_LAUNCH_AT_READY'] === '1',
  notifications: (process.env['EVO_FAKE_NOTIFICATIONS'] ?? 'supported') as
    'supported' | 'unsupported' | 'failing',
  ...(process.env['EVO_FAKE_LANGUAGES']
    ? { systemLanguages: process.env['EVO_FAKE_LANGUAGES'].split(',') }
    : {}),
});
(globalThis as { __evoFakeElectron?: unknown }).__evoFakeElectron = fake.electron;

// ESM imports of `electron` (the bundle, electron-store) go through the hook; CommonJS
// requires (electron-log) through the classic resolver.
register('./electron-hooks.mjs', import.meta.url);
const shim = resolve(import.meta.dirname, 'electron-shim.cjs');
const modules = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
};
const resolveFilename = modules._resolveFilename;
modules._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? shim : resolveFilename.call(this, request, ...rest);
};

type Command =
  | { cmd: 'recording' }
  | { cmd: 'clickNotification'; index: number }
  | { cmd: 'clickMenu'; label: string }
  | { cmd: 'invoke'; channel: string; args: unknown[]; from?: 'window' | 'incoming' | 'foreign' }
  | { cmd: 'notificationAction'; index: number; actionIndex: number }
  | { cmd: 'activateToast'; arguments: string }
  | { cmd: 'pressShortcut'; accelerator: string }
  | { cmd: 'takeShortcut'; accelerator: string }
  | { cmd: 'secondInstance' }
  | { cmd: 'clickTray'; kind: 'click' | 'right-click' }
  | { cmd: 'setOnline'; online: boolean }
  | { cmd: 'power'; event: string }
  | { cmd: 'closeWindow' }
  | { cmd: 'fetchScheme'; url: string; method?: string }
  | { cmd: 'setFrameUrl'; url: string }
  | { cmd: 'ringPageSends'; channel: string; payload: unknown }
  | { cmd: 'permissionCheck'; from: 'ring' | 'main'; permission: string; mediaType?: string };

async function run(command: Command): Promise<unknown> {
  const { control } = fake;
  switch (command.cmd) {
    case 'recording':
      return control.recording();
    case 'clickNotification':
      return control.clickNotification(command.index);
    case 'clickMenu':
      return control.clickMenu(command.label);
    case 'invoke':
      return control.invoke(command.channel, command.args, command.from);
    case 'secondInstance':
      return control.secondInstance();
    case 'clickTray':
      return control.clickTray(command.kind);
    case 'setOnline':
      return control.setOnline(command.online);
    case 'power':
      return control.power(command.event);
    case 'closeWindow':
      return control.closeWindow();
    case 'setFrameUrl':
      return control.setFrameUrl(command.url);
    case 'fetchScheme':
      return control.fetchScheme(command.url, command.method);
    case 'notificationAction':
      return control.notificationAction(command.index, command.actionIndex);
    case 'activateToast':
      return control.activateToast(command.arguments);
    case 'pressShortcut':
      return control.pressShortcut(command.accelerator);
    case 'takeShortcut':
      return control.takeShortcut(command.accelerator);
    case 'ringPageSends':
      return control.ringPageSends(command.channel, command.payload);
    case 'permissionCheck':
      return control.permissionCheck(command.from, command.permission, command.mediaType);
  }
}

process.on('message', (message: { id: number } & Command) => {
  run(message).then(
    (value) => process.send?.({ id: message.id, ok: true, value: value ?? null }),
    (e: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: e instanceof Error ? e.message : String(e),
        // The class name Electron puts before the message for the window (bridge-errors.ts).
        ...(e instanceof Error ? { name: e.name } : {}),
      }),
  );
});
process.on('unhandledRejection', (e) => console.error('unhandled rejection in the app:', e));

await import(pathToFileURL(resolve(root, 'out/main/index.js')).href);
// Electron emits 'ready' after the main script's first run, not before it.
fake.control.ready();
process.send?.({ ready: true });
