// What a caught value says, whatever was thrown: an Error's message, or the value as text.

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A Node error's code (ENOENT, ELOOP…), or undefined for anything else. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
}
