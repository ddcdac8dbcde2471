// An answer's Content-Encoding undone as fetch (undici) undoes it, for the exchange that reads
// without fetch (listing-http.ts): the same Accept-Encoding sent, the same codings decoded, so
// a server that compresses the listing is read the same whichever way it was asked.
import type { IncomingMessage } from 'node:http';
import { pipeline, Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';

/** What fetch asks for: br over TLS only (as browsers do: a proxy may mangle it in the clear). */
export function acceptedCodings(url: URL): string {
  return url.protocol === 'https:' ? 'br, gzip, deflate' : 'gzip, deflate';
}

/** Statuses that have no body, whatever their headers say: nothing to decode. */
const NO_BODY = new Set([101, 204, 205, 304]);
/** Past five codings an answer is refused, as fetch refuses it (a decompression bomb). */
const MAX_CODINGS = 5;

// Lenient as fetch and cURL are: a stream cut short ends where it stops, without an error.
const GZIP_OPTIONS = {
  flush: zlib.constants.Z_SYNC_FLUSH,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
};
const BROTLI_OPTIONS = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
};

/**
 * The answer's body as sent, decoded: the last coding applied is undone first. An unknown
 * coding leaves the whole body as it came (fetch does the same); too many throw.
 */
export function decodedBody(answer: IncomingMessage, headers: Headers, method: string): Readable {
  const encoding = headers.get('content-encoding');
  if (encoding === null || method === 'HEAD' || NO_BODY.has(answer.statusCode ?? 0)) return answer;
  const codings = encoding.toLowerCase().split(',');
  if (codings.length > MAX_CODINGS) {
    throw new Error(`too many content-encodings in response: ${codings.length}`);
  }
  const decoders: Transform[] = [];
  for (const coding of codings.reverse().map((name) => name.trim())) {
    const decoder = decoderFor(coding);
    if (decoder === undefined) return answer;
    decoders.push(decoder);
  }
  const last = decoders.at(-1);
  if (last === undefined) return answer;
  // Errors reach `last` (the one read); an early end of the answer is one of them.
  pipeline([answer, ...decoders], () => {});
  return last;
}

function decoderFor(coding: string): Transform | undefined {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(GZIP_OPTIONS);
    case 'deflate':
      return inflate();
    case 'br':
      return zlib.createBrotliDecompress(BROTLI_OPTIONS);
    default:
      return undefined;
  }
}

/**
 * Deflate as the RFC has it (zlib-wrapped) or raw, as some servers send it: the first byte
 * tells which, as fetch tells it.
 */
function inflate(): Transform {
  let inner: zlib.Inflate | zlib.InflateRaw | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (inner === undefined) {
        if (chunk.length === 0) return done();
        inner =
          ((chunk[0] ?? 0) & 0x0f) === 0x08
            ? zlib.createInflate(GZIP_OPTIONS)
            : zlib.createInflateRaw(GZIP_OPTIONS);
        inner.on('data', (out: Buffer) => this.push(out));
        inner.on('error', (error) => this.destroy(error));
      }
      inner.write(chunk, () => done());
    },
    flush(done) {
      if (inner === undefined) return done();
      inner.once('end', () => done());
      inner.end();
    },
  });
}
