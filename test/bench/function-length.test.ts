// The bench stays readable: no function of bench/ runs past 50 lines (a report's section is a
// step of its own), measured on the syntax tree, not guessed from braces.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 50;
const BENCH = join(process.cwd(), 'bench');

/** Every function (declared, arrow, method) longer than MAX_LINES, as "name (lines)". */
function longFunctions(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const long: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const line = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
      const lines = line(node.getEnd()) - line(node.getStart(source)) + 1;
      const name = node.name ? node.name.getText(source) : '(anonymous)';
      if (lines > MAX_LINES) long.push(`${fileName}: ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

describe('bench/', () => {
  it(`has no function longer than ${MAX_LINES} lines`, () => {
    const long = readdirSync(BENCH)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => longFunctions(file, readFileSync(join(BENCH, file), 'utf8')));
    expect(long).toEqual([]);
  });

  it('finds a long function when there is one (the check itself)', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const a${i} = ${i};`).join('\n');
    expect(longFunctions('planted.ts', `async function main() {\n${body}\n}\n`)).toEqual([
      `planted.ts: main (${MAX_LINES + 2} lines)`,
    ]);
    expect(longFunctions('short.ts', 'const f = () => {\n  return 1;\n};\n')).toEqual([]);
  });
});
