// A server value (a call id) as one segment of a request path. `encodeURIComponent` keeps `/`
// and `?` inside the segment, but leaves `.` and `..` alone, and a URL parser resolves those
// (and `%2E%2E`) as "this folder" and "up one": the id `..` would turn Hang up on
// `/sessions/..` into `DELETE /`. So every request path built from a server value goes
// through pathSegment, which refuses what cannot be one segment.

/** A server value that cannot be a path segment: the caller refuses the request. */
export class UnsafePathSegment extends Error {
  override readonly name = 'UnsafePathSegment';
  constructor(readonly value: string) {
    super('This call cannot be acted on: Evo Voice gave it an id that is not a usable address.');
  }
}

/** `value` encoded as one path segment; throws UnsafePathSegment for empty, `.` and `..`. */
export function pathSegment(value: string): string {
  // Other values are safe once encoded: `%2E%2E` becomes `%252E%252E`, no dot segment.
  if (value === '' || value === '.' || value === '..') throw new UnsafePathSegment(value);
  return encodeURIComponent(value);
}

/**
 * A segment of a path already built that is empty or a dot segment as a URL parser reads it
 * (percent-encoded dots included).
 */
export function isUnsafeSegment(segment: string): boolean {
  const dots = segment.replace(/%2e/gi, '.');
  return dots === '' || dots === '.' || dots === '..';
}
