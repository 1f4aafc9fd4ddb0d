// --format gitlab: GitLab Code Quality JSON (a subset of Code Climate; docs/ci-formats.md, GitLab Code Quality).
// Fingerprints come from (file, rule, element), so they survive lines moving; no BOM.
import { inPieces, prettyJsonPieces, StreamedArray } from './json-pieces.js';
import { visibleFindings } from './summary.js';
import { fingerprints } from './fingerprint.js';
import { messageOf } from './rule-info.js';
import type { Severity } from '../types.js';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'critical', warning: 'major', info: 'minor' };

export const gitlab = inPieces(function* (results, ctx) {
  // Each document's issues are made as they are written.
  const issues = new StreamedArray(function* () {
    for (const result of results) {
      const findings = visibleFindings(result, ctx.quiet);
      const prints = fingerprints(result.file, findings);
      for (let i = 0; i < findings.length; i++) {
        const f = findings[i]!;
        const { hash, occurrence } = prints[i]!;
        yield {
          description: messageOf(f),
          check_name: f.ruleId,
          // The first finding keeps the plain hash; a second of the same rule in the same file gets its own.
          fingerprint: occurrence === 1 ? hash : `${hash}-${occurrence}`,
          // Accepted deviations stay visible at the lowest severity.
          severity: f.accepted ? 'info' : SEVERITY[f.severity],
          location: { path: result.file, lines: { begin: f.line } },
        };
      }
    }
  });
  yield* prettyJsonPieces(issues);
  yield '\n';
});
