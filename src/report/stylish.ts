// --format stylish (the default): grouped by file, one line per finding, the citation
// and what to add beneath it, and a summary line (ESLint's stylish, with citations).
import type { Reporter } from './types.js';
import { countFindings, visibleFindings } from './summary.js';
import type { Severity } from '../types.js';
import { plainText } from '../extract/show-value.js';

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
    const width = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of findings) {
      const place = `${f.line}:${f.column}`.padEnd(width);
      const severity = label[f.severity] + ' '.repeat(7 - f.severity.length);
      lines.push(`  ${s.dim(place)}  ${severity}  ${f.message}  ${s.dim(f.ruleId)}`);
      const indent = ' '.repeat(width + 13);
      lines.push(`${indent}${s.dim(`${f.citation}`)}`);
      lines.push(`${indent}${s.dim(`→ ${f.help}`)}`);
    }
  }
  const counts = countFindings(results);
  const problems = counts.errors + counts.warnings + counts.infos;
  const across = `in ${plural(counts.documents, 'document')}`;
  if (problems === 0) {
    lines.push(s.green(`✔ No problems ${across}`));
  } else {
    const summary = `✖ ${plural(problems, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info) ${across}`;
    lines.push('', counts.errors ? s.red.bold(summary) : s.yellow.bold(summary));
  }
  return `${lines.join('\n')}\n`;
};
