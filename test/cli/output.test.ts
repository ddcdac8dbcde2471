import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLineWriter } from '../../main/cli/output.js';
import type { WatchEvent } from '../../main/watch/events.js';

const online: WatchEvent = {
  event: 'connection',
  status: 'online',
  at: '2026-11-26T20:00:00.000Z',
  title: 'Connected to Evo Voice',
  body: 'Watching for calls.',
};

/** A stdout whose reader goes away after `accepted` writes, as a pipe into `head` does. */
function pipeClosingAfter(accepted: number) {
  const lines: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (lines.length >= accepted) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        return;
      }
      lines.push(chunk.toString());
      done();
    },
  });
  return { out, lines };
}

describe('the JSON line writer', () => {
  it('writes one event per line, as JSON', async () => {
    const { out, lines } = pipeClosingAfter(10);
    const writer = createLineWriter(out);
    writer.write(online);
    writer.write({ ...online, status: 'offline' });
    await writer.flush();
    expect(lines.map((l) => JSON.parse(l))).toEqual([online, { ...online, status: 'offline' }]);
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('a closed output is reported once, flush still resolves, and later events are dropped', async () => {
    const { out, lines } = pipeClosingAfter(1);
    const closed: string[] = [];
    const writer = createLineWriter(out, (e) =>
      closed.push((e as NodeJS.ErrnoException).code ?? ''),
    );
    writer.write(online);
    writer.write(online);
    await writer.flush();
    writer.write(online);
    writer.write(online);
    await writer.flush();
    expect(lines).toHaveLength(1);
    expect(closed).toEqual(['EPIPE']);
  });
});
