// --format stylish (the default), written for a business manager at a terminal: per file, the
// errors and warnings in full (position, severity, message, ruleId, then the citation and what
// to add), the info findings counted on one line by rule (they are observations, not failures;
// `--verbose` lists them in full), then a summary line and what to do next. ESLint's
// stylish shape, with citations; ESLint's --quiet and Vale's --minAlertLevel are the precedent
// for keeping lesser findings out of the way.
import type { ReportContext, Reporter } from './types.js';
import { countFindings, visibleFindings, type Counts } from './summary.js';
import { messageOf, placeOf } from './rule-info.js';
import type { DocumentResult, Finding, Severity } from '../types.js';
import { plainText } from '../escape/terminal.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const stylish: Reporter = (results, ctx) => {
  const s = ctx.style;
  const label: Record<Severity, string> = { error: s.red('error'), warning: s.yellow('warning'), info: s.blue('info') };
  const lines: string[] = [];
  for (const result of results) {
    const findings = visibleFindings(result, ctx.quiet);
    if (findings.length === 0) continue;
    const about = [result.kind, result.edition && `Working Together ${result.edition}`].filter(Boolean).join(', ');
    lines.push('', `${s.underline(plainText(result.file))}${about ? s.dim(`  (${about})`) : ''}`);
    const listed = findings.filter((f) => ctx.verbose || f.severity !== 'info' || f.accepted);
    const width = Math.max(0, ...listed.map((f) => placeOf(f).length));
    for (const f of listed) {
      const place = placeOf(f).padEnd(width);
      const severity = f.accepted ? s.green('accepted') : label[f.severity] + ' '.repeat(7 - f.severity.length);
      lines.push(`  ${s.dim(place)}  ${severity}  ${messageOf(f)}  ${s.dim(f.ruleId)}`);
      const indent = ' '.repeat(width + 13);
      lines.push(`${indent}${s.dim(`${f.citation}`)}`);
      lines.push(`${indent}${s.dim(`→ ${f.help}`)}`);
    }
    const counted = findings.filter((f) => !listed.includes(f));
    if (counted.length) lines.push(`  ${label.info}  ${s.dim(`${plural(counted.length, 'observation')}: ${byRule(counted)}`)}`);
  }
  const counts = countFindings(results);
  const problems = counts.errors + counts.warnings + counts.infos;
  const accepted = counts.accepted ? `${counts.accepted} accepted` : '';
  const across = `in ${plural(counts.documents, 'document')}`;
  if (problems === 0) {
    lines.push(s.green(`✔ No problems ${across}${accepted ? ` (${accepted})` : ''}`));
  } else if (counts.errors + counts.warnings === 0) {
    // Observations only: nothing to fix, so no alarm.
    lines.push('', s.green(`✔ No errors or warnings ${across} (${counts.infos} info${accepted ? `, ${accepted}` : ''})`));
  } else {
    const summary = `✖ ${plural(problems, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info${accepted ? `, ${accepted}` : ''}) ${across}`;
    lines.push('', counts.errors ? s.red.bold(summary) : s.yellow.bold(summary));
  }
  lines.push(...nextSteps(results, counts, ctx));
  return `${lines.join('\n')}\n`;
};

/** "wt2023/funding-shares ×3, wt2023/agency-categories": how many findings of each rule, most first. */
function byRule(findings: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule))
    .join(', ');
}

/** The closing advice: what to do first, and how to learn more. */
function nextSteps(results: DocumentResult[], counts: Counts, ctx: ReportContext): string[] {
  const shown = results.flatMap((r) =>
    visibleFindings(r, ctx.quiet)
      .filter((f) => !f.accepted)
      .map((f) => ({ file: r.file, f })),
  );
  if (!shown.length) return [];
  // A rule of the guidance to name in the explain hint (reserved ids such as parse-error have no guidance behind them).
  const ofGuidance = shown.filter(({ f }) => f.ruleId.includes('/'));
  const first = ofGuidance.find(({ f }) => f.severity === 'error') ?? ofGuidance.find(({ f }) => f.severity === 'warning');
  const steps: string[] = [];
  if (counts.errors) {
    const files = new Set(shown.filter(({ f }) => f.severity === 'error').map(({ file }) => file)).size;
    steps.push(
      `Next: fix ${counts.errors === 1 ? 'the error' : `the ${counts.errors} errors`}${files > 1 ? ` in ${files} documents` : ''} (each → line says what to add), then run wtlint again.`,
    );
  } else if (counts.warnings) {
    steps.push(
      `Next: consider the ${plural(counts.warnings, 'warning')}: good practice the guidance expects; they fail the run only past --max-warnings.`,
    );
  }
  const infoHidden = !ctx.verbose && !ctx.quiet && counts.infos > 0;
  if (infoHidden) {
    const what =
      counts.infos === 1
        ? 'The info finding is an observation to check, not a failure'
        : `The ${counts.infos} info findings are observations to check, not failures`;
    steps.push(`${what}; --verbose lists ${counts.infos === 1 ? 'it' : 'them'}.`);
  }
  if (first) steps.push(`\`wtlint explain ${first.f.ruleId}\` gives the guidance behind a rule and an example that satisfies it.`);
  return steps.map((step) => ctx.style.dim(step));
}
