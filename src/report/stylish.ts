// --format stylish (the default): grouped by file, one line per finding, the citation
// and what to add beneath it, and a summary line (ESLint's stylish, with citations).
import type { Reporter } from './types.js';
import { countFindings, visibleFindings } from './summary.js';
import { messageOf, placeOf } from './rule-info.js';
import type { Severity } from '../types.js';
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
    const width = Math.max(...findings.map((f) => placeOf(f).length));
    for (const f of findings) {
      const place = placeOf(f).padEnd(width);
      const severity = f.accepted ? s.green('accepted') : label[f.severity] + ' '.repeat(7 - f.severity.length);
      lines.push(`  ${s.dim(place)}  ${severity}  ${messageOf(f)}  ${s.dim(f.ruleId)}`);
      const indent = ' '.repeat(width + 13);
      lines.push(`${indent}${s.dim(`${f.citation}`)}`);
      lines.push(`${indent}${s.dim(`→ ${f.help}`)}`);
    }
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
  return `${lines.join('\n')}\n`;
};
