// Electron's ipcRenderer.invoke rejects with "Error invoking remote method '<channel>': <Name>: <message>".
// The agent should read only <message>, the words main chose for them.
import { BAD_REQUEST } from '../main/boundary/errors.js';

const REMOTE = /^Error invoking remote method '[^']*': ([\s\S]*)$/;
/** `Error: `, `SettingsError: `…: how main's error printed its class in front of the message. */
const ERROR_NAME = /^[\w$]*Error: /;
const BARE_NAME = /^[\w$]*Error$/;

/**
 * No words for the agent: the window then says "Something went wrong" in the agent's language
 * (renderer/src/state.ts), which the preload does not know.
 */
export const NO_MESSAGE = '';

/**
 * The message main meant for the agent, without Electron's wrapping or the error's class name;
 * NO_MESSAGE when it had none.
 */
export function remoteErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const remote = REMOTE.exec(raw)?.[1];
  // A malformed request's refusal is in English for main's log: the window says its own words.
  if (remote?.startsWith(`${BAD_REQUEST}:`)) return NO_MESSAGE;
  const message = (remote === undefined ? raw : remote.replace(ERROR_NAME, '')).trim();
  return message === '' || BARE_NAME.test(message) ? NO_MESSAGE : message;
}
