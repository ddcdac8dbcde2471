// The text of a settings file that JSON.parse refuses: what can still be read from it. A file
// saved by Windows Notepad starts with a byte-order mark; one cut short by a crash or a full
// disk ends mid-value or in NULs. Whatever whole fields are left are kept; never throws.
import { isPlainObject } from '../boundary/records.js';

/** Beyond this a file is not settings the app wrote: nothing is salvaged from it. */
const MAX_SALVAGE_CHARS = 64 * 1024;

export interface SettingsText {
  /** What the file still says, as an object (maybe empty). */
  stored: Record<string, unknown>;
  /** The file was not a whole JSON object: keep a copy and write it again. */
  damaged: boolean;
}

export function salvageSettingsText(text: string): SettingsText {
  const clean = text.replace(/^\uFEFF/, '').replace(/\0+$/, '');
  const whole = parse(clean);
  if (whole !== undefined) {
    // A BOM alone does not make a file damaged; an array or a number does.
    return isPlainObject(whole) ? { stored: whole, damaged: false } : { stored: {}, damaged: true };
  }
  return { stored: truncatedObject(clean), damaged: true };
}

/**
 * A JSON object cut short: the longest run of whole fields, found by closing the text after
 * each comma (from the end) until it parses; a second brace keeps the read part of a nested
 * object such as `alerts`.
 */
function truncatedObject(text: string): Record<string, unknown> {
  const start = text.indexOf('{');
  if (start < 0 || text.length > MAX_SALVAGE_CHARS) return {};
  for (let end = text.lastIndexOf(','); end > start; end = text.lastIndexOf(',', end - 1)) {
    for (const close of ['}', '}}']) {
      const value = parse(text.slice(start, end) + close);
      if (isPlainObject(value)) return value;
    }
  }
  return {};
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
