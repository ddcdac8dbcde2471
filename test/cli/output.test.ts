import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLineWriter } from '../../main/cli/output.js';
import { createTranslator } from '../../main/boundary/i18n/index.js';
import { call } from '../../harness/app-states.js';
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

  it('writes titles and bodies in its language, with the same keys and event names', async () => {
    const lines: string[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const ringing: WatchEvent = {
      event: 'ringing',
      sessionId: 's1',
      session: call('s1', { fromName: 'Jane Doe', toAddress: 'Support line' }),
      at: '2026-11-26T20:00:00.000Z',
      title: 'Incoming call',
      body: 'Jane Doe (+15035550100) → Support line',
    };
    const writer = createLineWriter(out, () => {}, createTranslator('es'));
    writer.write(ringing);
    writer.write({ ...online, status: 'error', detail: 'socket hang up' });
    await writer.flush();
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(first ?? {})).toEqual(Object.keys(ringing));
    expect(first).toMatchObject({ event: 'ringing', title: 'Llamada entrante' });
    // The caller and the line are the server's: as they came.
    expect(first?.['body']).toBe('Jane Doe (+15035550100) → Support line');
    expect(second).toMatchObject({
      event: 'connection',
      status: 'error',
      detail: 'socket hang up',
      title: 'Error de Evo Voice: socket hang up',
    });
  });
});
