// The rule of `npm run security`: a finding passes only when docs/SECURITY.md explains its
// check for its file; and the document itself explains every check it is asked about.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  explainedFindings,
  findingsOfSarif,
  unexplained,
  type Finding,
} from '../support/security-findings.js';

const doc = `
# Security
## Electronegativity findings
| Check | File | Why |
|---|---|---|
| \`PRELOAD_JS_CHECK\` | \`main/electron/window.ts\` | the preload is the bridge |
| \`DANGEROUS_FUNCTIONS_JS_CHECK\` | \`out/renderer/assets/index-*.js\` | a library's timer |
## Next
| \`OPEN_EXTERNAL_JS_CHECK\` | \`main/electron/window.ts\` | outside the table |
`;

const finding = (check: string, file: string): Finding => ({ check, file, line: 1, message: '' });

describe('explained findings', () => {
  it('reads the rows of its table only, without the header', () => {
    expect(explainedFindings(doc).map((e) => [e.check, e.pattern])).toEqual([
      ['PRELOAD_JS_CHECK', 'main/electron/window.ts'],
      ['DANGEROUS_FUNCTIONS_JS_CHECK', 'out/renderer/assets/index-*.js'],
    ]);
  });

  it('passes a finding explained for its check and file; fails another file, check or folder', () => {
    const open = unexplained(
      [
        finding('PRELOAD_JS_CHECK', 'main/electron/window.ts'),
        finding('DANGEROUS_FUNCTIONS_JS_CHECK', 'out/renderer/assets/index-Co4yfZOf.js'),
        finding('PRELOAD_JS_CHECK', 'main/electron/other.ts'),
        finding('OPEN_EXTERNAL_JS_CHECK', 'main/electron/window.ts'),
        finding('DANGEROUS_FUNCTIONS_JS_CHECK', 'out/renderer/assets/sub/index-x.js'),
      ],
      explainedFindings(doc),
    );
    expect(open.map((f) => `${f.check} ${f.file}`)).toEqual([
      'PRELOAD_JS_CHECK main/electron/other.ts',
      'OPEN_EXTERNAL_JS_CHECK main/electron/window.ts',
      'DANGEROUS_FUNCTIONS_JS_CHECK out/renderer/assets/sub/index-x.js',
    ]);
  });

  it('reads the SARIF the tool writes', () => {
    const sarif = {
      runs: [
        {
          results: [
            {
              ruleId: 'AUXCLICK_JS_CHECK',
              message: { text: 'Limit navigation flows' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'main/electron/window.ts' },
                    region: { startLine: 39 },
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(findingsOfSarif(sarif)).toEqual([
      {
        check: 'AUXCLICK_JS_CHECK',
        file: 'main/electron/window.ts',
        line: 39,
        message: 'Limit navigation flows',
      },
    ]);
  });

  it('docs/SECURITY.md explains each finding with a reason', () => {
    const text = readFileSync(new URL('../../docs/SECURITY.md', import.meta.url), 'utf8');
    const rows = explainedFindings(text);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.why.length, row.check).toBeGreaterThan(20);
  });
});
