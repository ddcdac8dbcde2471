// Synthesizes the ring sounds into assets/sounds/*.wav: one cadence cycle each, which the ring
// page loops. 8 kHz mono 8-bit keeps each file small; telephone tones live well under 4 kHz.
// Run: npx tsx assets/make-ring-sounds.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RATE = 8000;
const OUT = join(import.meta.dirname, 'sounds');

/** A stretch of the cadence: tones in Hz (none = silence) for a number of seconds. */
interface Stretch {
  seconds: number;
  tones: number[];
  /** Per-tone decay in 1/s, for struck sounds (the chime); 0 holds steady. */
  decay?: number;
}

const SOUNDS: Record<string, Stretch[]> = {
  // North-American ring: 440 + 480 Hz, on 1 s, off 2 s (the cadence shortened from 2/4 s).
  classic: [
    { seconds: 1, tones: [440, 480] },
    { seconds: 2, tones: [] },
  ],
  // UK double ring: 400 + 450 Hz, 0.4 on, 0.2 off, 0.4 on, then a pause.
  double: [
    { seconds: 0.4, tones: [400, 450] },
    { seconds: 0.2, tones: [] },
    { seconds: 0.4, tones: [400, 450] },
    { seconds: 1.4, tones: [] },
  ],
  // A soft marimba-like chime: two struck notes with a quick decay and an overtone.
  chime: [
    { seconds: 0.35, tones: [659, 2636], decay: 9 },
    { seconds: 0.9, tones: [523, 2092], decay: 6 },
  ],
};

function samples(stretches: Stretch[]): Uint8Array {
  const parts = stretches.map((s) => {
    const n = Math.round(s.seconds * RATE);
    const out = new Uint8Array(n);
    const ramp = Math.round(0.01 * RATE); // 10 ms edges: no clicks at the loop point
    for (let i = 0; i < n; i += 1) {
      const t = i / RATE;
      let v = 0;
      s.tones.forEach((hz, k) => {
        const weight = k === 0 ? 1 : s.decay ? 0.25 : 1;
        v += weight * Math.sin(2 * Math.PI * hz * t);
      });
      const sum = s.tones.length === 0 ? 1 : s.decay ? 1.25 : s.tones.length;
      const envelope = s.decay ? Math.exp(-s.decay * t) : 1;
      const edge = Math.min(1, i / ramp, (n - 1 - i) / ramp);
      out[i] = Math.round(128 + 100 * (v / sum) * envelope * edge);
    }
    return out;
  });
  const all = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** A PCM WAV file: RIFF header, fmt chunk (mono, 8-bit), data chunk. */
export function wav(data: Uint8Array): Buffer {
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8, 'ascii');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(RATE, 24);
  head.writeUInt32LE(RATE, 28); // bytes per second
  head.writeUInt16LE(1, 32); // block align
  head.writeUInt16LE(8, 34); // bits per sample
  head.write('data', 36, 'ascii');
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, Buffer.from(data)]);
}

mkdirSync(OUT, { recursive: true });
for (const [id, stretches] of Object.entries(SOUNDS)) {
  const file = join(OUT, `${id}.wav`);
  const bytes = wav(samples(stretches));
  writeFileSync(file, bytes);
  console.log(`${file}: ${bytes.length} bytes`);
}
