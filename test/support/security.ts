// `npm run security`: Electronegativity over the project (sources, and the build in out/ when
// there is one; node_modules is skipped by the tool), failing on any finding that
// docs/SECURITY.md does not explain. `npm test` runs it after the build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainedFindings, findingsOfSarif, unexplained } from './security-findings.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js');
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const report = join(dir, 'report.sarif');

try {
  // -e: the Electron of package.json, so the tool need not ask the network for releases.
  const electron = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    }
  ).devDependencies['electron']?.replace(/^[^\d]*/, '');
  const args = [cli, '-i', root, '-r', '-v', 'false', '-o', report];
  const run = spawnSync(process.execPath, electron ? [...args, '-e', electron] : args, {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`Electronegativity exited with ${String(run.status)}`);
  }
  const findings = findingsOfSarif(JSON.parse(readFileSync(report, 'utf8')));
  const explained = explainedFindings(readFileSync(join(root, 'docs/SECURITY.md'), 'utf8'));
  const open = unexplained(findings, explained);
  console.log(
    `Electronegativity: ${findings.length} findings, ${findings.length - open.length} explained in docs/SECURITY.md.`,
  );
  for (const f of open)
    console.error(`  not explained: ${f.check} ${f.file}:${f.line} ${f.message}`);
  if (open.length > 0) {
    console.error('Fix each, or explain it in docs/SECURITY.md ("Electronegativity findings").');
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
