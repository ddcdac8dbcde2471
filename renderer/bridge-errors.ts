// Electron's ipcRenderer.invoke rejects with "Error invoking remote method '<channel>': <Name>: <message>".
// The agent should read only <message>, the words main chose for them.

const REMOTE = /^Error invoking remote method '[^']*': ([\s\S]*)$/;
/** `Error: `, `SettingsError: `…: how main's error printed its class in front of the message. */
const ERROR_NAME = /^[\w$]*Error: /;
const BARE_NAME = /^[\w$]*Error$/;

export const UNKNOWN_ERROR = 'Something went wrong. Try again.';

/** The message main meant for the agent, without Electron's wrapping or the error's class name. */
export function remoteErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const remote = REMOTE.exec(raw)?.[1];
  const message = (remote === undefined ? raw : remote.replace(ERROR_NAME, '')).trim();
  return message === '' || BARE_NAME.test(message) ? UNKNOWN_ERROR : message;
}
