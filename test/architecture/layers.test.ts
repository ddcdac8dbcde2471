// The layers hold: eslint refuses an import that runs up or sideways (planted here and linted with
// the project's own config), no module cycle remains, and no product file does four jobs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../eslint.layers.js';

const ROOT = process.cwd();
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function importErrors(filePath: string, specifier: string): Promise<string[]> {
  const code = `import { thing } from '${specifier}';\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('eslint keeps the layers', () => {
  it.each([
    ['the engine importing the app (up)', 'main/watch/planted.ts', '../app/alerts.js'],
    ['the API client importing a capability (up)', 'main/evo/planted.ts', '../away/summary.js'],
    ['a capability importing another (sideways)', 'main/ringing/planted.ts', '../away/summary.js'],
    ['the boundary importing the API (up)', 'main/boundary/planted.ts', '../evo/api.js'],
    ['the app importing an adapter (up)', 'main/app/planted.ts', '../electron/tray.js'],
    ['the app importing the watch command (sideways)', 'main/app/planted.ts', '../cli/output.js'],
    [
      'the simulator importing the engine (sideways)',
      'main/simulator/planted.ts',
      '../watch/decide.js',
    ],
    ['main importing the renderer', 'main/electron/planted.ts', '../../renderer/src/state.js'],
    [
      'the window importing main outside the boundary',
      'renderer/src/planted.ts',
      '../../main/app/tray-menu.js',
    ],
    ['a preload importing main outside the boundary', 'renderer/planted.ts', '../main/evo/api.js'],
    ['the bench importing the tests', 'bench/planted.ts', '../test/app/build.js'],
    ['a capability importing electron', 'main/away/planted.ts', 'electron'],
  ])('refuses %s', async (_what, file, specifier) => {
    expect(await importErrors(file, specifier)).not.toEqual([]);
  });

  it.each([
    ['the app importing the engine', 'main/app/planted.ts', '../watch/decide.js'],
    ['a capability importing the API and the boundary', 'main/away/planted.ts', '../evo/api.js'],
    ['a capability importing the engine', 'main/ringing/planted.ts', '../watch/events.js'],
    [
      'the window importing the boundary',
      'renderer/src/views/planted.tsx',
      '../../../main/boundary/contract.js',
    ],
    ['an adapter importing electron', 'main/electron/planted.ts', 'electron'],
    ['a file importing its own folder', 'main/simulator/planted.ts', './calls.js'],
  ])('allows %s', async (_what, file, specifier) => {
    expect(await importErrors(file, specifier)).toEqual([]);
  });

  it('places every folder of main/ in a layer', () => {
    const entries = readdirSync(join(ROOT, 'main'));
    const names = entries.map((name) => name.replace(/\.ts$/, ''));
    expect(names.filter((name) => !(name in LAYERS))).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every relative import (type imports too: a cycle of types is still a cycle to read). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(/(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)) {
    const base = normalize(join(dirname(file), match[1] ?? '')).replace(/\.js$/, '');
    for (const candidate of [`${base}.ts`, `${base}.tsx`]) {
      try {
        if (statSync(candidate).isFile()) targets.push(candidate);
      } catch {
        // not this extension
      }
    }
  }
  return targets;
}

/** Tarjan's strongly connected components with more than one module. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the modules', () => {
  const files = [...sourceFiles(join(ROOT, 'main')), ...sourceFiles(join(ROOT, 'renderer'))];

  it('import each other without a cycle', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/c.ts']],
      ['/c.ts', ['/a.ts']],
      ['/d.ts', ['/a.ts']],
    ]);
    expect(cycles(graph)).toHaveLength(1);
  });

  it('are each at most 300 lines (a longer file is doing more than one job)', () => {
    const long = files
      .map((file) => ({
        file: relative(ROOT, file),
        lines: readFileSync(file, 'utf8').trimEnd().split('\n').length,
      }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });
});
