// What every window of ours does with its page, so no window does less: it opens no other
// window, never navigates away (a link the agent may follow is handed to `outside`, which
// decides), and is granted no permission (camera, microphone, notifications…). The
// webPreferences (isolation, sandbox) stay written out at each BrowserWindow, where a reader
// and Electronegativity see them.
import type { WebContents } from 'electron';

export function lockDown(contents: WebContents, outside: (url: string) => void = () => {}): void {
  contents.setWindowOpenHandler(({ url }) => {
    outside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    outside(url);
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));
}
