/** A JSON object (not null, not an array): what a server's or a file's object reads as. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A plain object (its prototype Object's or none): what JSON and IPC's structured clone give.
 * Stricter than isRecord, for values that could come from code (a Date, a Map, a class).
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
