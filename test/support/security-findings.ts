// The rule of `npm run security`: every Electronegativity finding must be explained in
// docs/SECURITY.md (its table "Electronegativity findings": check, file pattern, why), or the
// run fails. Pure, so the rule itself is tested (test/security/findings.test.ts).

export interface Finding {
  check: string;
  /** Relative to the project, forward slashes. */
  file: string;
  line: number;
  message: string;
}

export interface Explained {
  check: string;
  /** A path; `*` stands for any characters but `/` (a build's hashed file names). */
  pattern: string;
  why: string;
}

const TABLE_HEADING = /^#{2,3}\s+Electronegativity findings\s*$/;

/** The rows of the table under the "Electronegativity findings" heading. */
export function explainedFindings(markdown: string): Explained[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => TABLE_HEADING.test(line));
  if (start === -1) return [];
  const rows: Explained[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,3}\s/.test(line)) break;
    const cells = /^\|(.*)\|\s*$/
      .exec(line.trim())?.[1]
      ?.split('|')
      .map((c) => c.trim());
    if (!cells || cells.length < 3) continue;
    const [check, pattern, why] = cells.map((c) => c.replace(/^`|`$/g, '')) as [
      string,
      string,
      string,
    ];
    if (!/^[A-Z_]+$/.test(check) || why === '') continue; // the header and its rule line
    rows.push({ check, pattern, why });
  }
  return rows;
}

function matches(pattern: string, file: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`).test(file);
}

/** The findings no row explains. */
export function unexplained(findings: Finding[], explained: Explained[]): Finding[] {
  return findings.filter(
    (f) => !explained.some((e) => e.check === f.check && matches(e.pattern, f.file)),
  );
}

/** The findings of a SARIF report written by `electronegativity -r -o report.sarif`. */
export function findingsOfSarif(sarif: unknown): Finding[] {
  const runs = (sarif as { runs?: { results?: unknown[] }[] }).runs ?? [];
  return runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const r = result as {
        ruleId: string;
        message?: { text?: string };
        locations?: {
          physicalLocation?: {
            artifactLocation?: { uri?: string };
            region?: { startLine?: number };
          };
        }[];
      };
      const where = r.locations?.[0]?.physicalLocation;
      return {
        check: r.ruleId,
        file: (where?.artifactLocation?.uri ?? '').replace(/\\/g, '/').replace(/^\.\//, ''),
        line: where?.region?.startLine ?? 0,
        message: r.message?.text ?? '',
      };
    }),
  );
}
