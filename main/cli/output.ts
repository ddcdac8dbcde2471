// What the `watch` command writes: events as JSON lines on stdout, a readable log on stderr.
import type { Logger } from '../log.js';
import type { WatchEvent } from '../watch/events.js';
import { inLanguage } from '../watch/describe.js';
import type { Translate } from '../boundary/i18n/index.js';

export interface LineWriter {
  /**
   * One JSON object, one line; the event as events.ts defines it, its title and body in the
   * writer's language (the keys and event names never change). Nothing once closed.
   */
  write(event: WatchEvent): void;
  /** Resolves once every line written so far has left the process (or the output closed). */
  flush(): Promise<void>;
}

/**
 * `t`: the language of the titles and bodies (`--lang`); without it, the engine's English.
 * `onClosed` runs once when the reader goes away (`watch … | head -1`: EPIPE). The stream's
 * error is handled here, so it never crashes the process as an unhandled 'error' event.
 */
export function createLineWriter(
  out: NodeJS.WritableStream,
  onClosed: (error: Error) => void = () => {},
  t?: Translate,
): LineWriter {
  let last: Promise<void> = Promise.resolve();
  let closed = false;
  const waiting = new Set<() => void>();
  out.on('error', (error: Error) => {
    if (closed) return;
    closed = true;
    waiting.forEach((resolve) => resolve());
    onClosed(error);
  });
  return {
    write(event) {
      if (closed) return;
      // Without a language the engine's own (English) words go out untouched.
      const line = `${JSON.stringify(t === undefined ? event : inLanguage(event, t))}\n`;
      // Each write is queued by the stream in order; remembering the newest is enough to flush.
      last = new Promise<void>((resolve) => {
        waiting.add(resolve);
        out.write(line, () => {
          waiting.delete(resolve);
          resolve();
        });
      });
    },
    flush: () => last,
  };
}

/** The human side: one timestamped line per message on stderr. */
export function createStderrLogger(err: NodeJS.WritableStream, now = () => Date.now()): Logger {
  const line = (level: string) => (message: string) => {
    err.write(`${new Date(now()).toISOString()} ${level} ${message}\n`);
  };
  return { debug: () => {}, info: line('info'), warn: line('warn'), error: line('error') };
}
