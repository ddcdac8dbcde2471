// What the `watch` command writes: events as JSON lines on stdout, a readable log on stderr.
import type { Logger } from '../log.js';
import type { WatchEvent } from '../watch/events.js';

export interface LineWriter {
  /** One JSON object, one line; the event as events.ts defines it. */
  write(event: WatchEvent): void;
  /** Resolves once every line written so far has left the process. */
  flush(): Promise<void>;
}

export function createLineWriter(out: NodeJS.WritableStream): LineWriter {
  let last: Promise<void> = Promise.resolve();
  return {
    write(event) {
      const line = `${JSON.stringify(event)}\n`;
      // Each write is queued by the stream in order; remembering the newest is enough to flush.
      last = new Promise<void>((resolve) => {
        out.write(line, () => resolve());
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
