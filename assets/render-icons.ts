// `npm run icons`: renders the SVG sources in assets/svg/ to the images each platform's tray wants.
//   linux/<name>.png (22 px) and <name>@2x.png (44 px), in colour;
//   mac/<name>Template.png (16 px) and <name>Template@2x.png (32 px), black + alpha only, so
//     macOS tints them for light and dark menu bars;
//   win/<name>.ico (16, 24, 32, 48 px).
// Every tray state also gets a `-missed` variant: the same glyph with a dot in its corner.
// The outputs are committed, so a build needs neither resvg nor this script.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const here = dirname(fileURLToPath(import.meta.url));
const sources = join(here, 'svg');
const out = join(here, 'icons');

const TRAY_STATES = [
  'signed-out',
  'offline',
  'idle',
  'not-ready',
  'on-call',
  'ringing',
  'on-hold',
] as const;
const MISSED_DOT = '#ef4444';

function render(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** The glyph with a gap cut around a dot in the top-right corner, then the dot. */
function withMissedDot(svg: string, dotColor: string): string {
  const open = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  const close = svg.lastIndexOf('</svg>');
  const glyph = svg.slice(open, close);
  return `${svg.slice(0, open)}
  <mask id="missed-gap"><rect width="24" height="24" fill="#fff"/><circle cx="19" cy="5" r="6.5" fill="#000"/></mask>
  <g mask="url(#missed-gap)">${glyph}</g>
  <circle cx="19" cy="5" r="4.5" fill="${dotColor}"/>
</svg>
`;
}

/** Every state glyph paints with `currentColor`; a template paints it black. */
function asTemplate(svg: string): string {
  return svg.replace(/<svg([^>]*?) color="[^"]*"/, '<svg$1 color="#000"');
}

async function renderTrayIcon(name: string, svg: string, dotColor: string): Promise<void> {
  const template = asTemplate(svg).replaceAll(dotColor, '#000');
  writeFileSync(join(out, 'linux', `${name}.png`), render(svg, 22));
  writeFileSync(join(out, 'linux', `${name}@2x.png`), render(svg, 44));
  writeFileSync(join(out, 'mac', `${name}Template.png`), render(template, 16));
  writeFileSync(join(out, 'mac', `${name}Template@2x.png`), render(template, 32));
  const ico = await pngToIco([16, 24, 32, 48].map((size) => render(svg, size)));
  writeFileSync(join(out, 'win', `${name}.ico`), ico);
}

async function main(): Promise<void> {
  for (const folder of ['linux', 'mac', 'win']) mkdirSync(join(out, folder), { recursive: true });
  const available = new Set(readdirSync(sources));
  for (const state of TRAY_STATES) {
    if (!available.has(`${state}.svg`)) throw new Error(`assets/svg/${state}.svg is missing`);
    const svg = readFileSync(join(sources, `${state}.svg`), 'utf8');
    await renderTrayIcon(state, svg, MISSED_DOT);
    await renderTrayIcon(`${state}-missed`, withMissedDot(svg, MISSED_DOT), MISSED_DOT);
  }
  const app = readFileSync(join(sources, 'app.svg'), 'utf8');
  writeFileSync(join(out, 'app.png'), render(app, 512));
  writeFileSync(
    join(out, 'app.ico'),
    await pngToIco([16, 24, 32, 48, 64, 128, 256].map((s) => render(app, s))),
  );
  console.log(`icons written to ${out}`);
}

await main();
