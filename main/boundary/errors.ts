// What a caught value says, whatever was thrown: an Error's message, or the value as text.

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A Node error's code (ENOENT, ELOOP…), or undefined for anything else. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
}

/**
 * The class name of main's refusal of a malformed window request (electron/ipc.ts): only a
 * broken or hostile window sends one, so its English words stay for the log and the window says
 * its own "Something went wrong" in the agent's language (renderer/bridge-errors.ts).
 */
export const BAD_REQUEST = 'BadRequestError';
