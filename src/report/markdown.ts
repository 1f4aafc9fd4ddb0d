// --format markdown: a summary table for a pull-request comment (and the GitHub job
// summary). All document text is escaped: it never forms links, HTML or table cells.
import type { Reporter } from './types.js';
import { countFindings, visibleFindings } from './summary.js';
import { messageOf, placeOf } from './rule-info.js';
import { markdownCodeCell, markdownText } from '../escape/markdown.js';
import type { DocumentResult, ElementStatus, Severity } from '../types.js';

const ICON: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const markdown: Reporter = (results, ctx) => {
  const counts = countFindings(results);
  const verdict = counts.errors > 0 ? '❌' : counts.warnings > 0 ? '⚠️' : '✅';
  const lines = [
    `## ${verdict} wtlint: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info${counts.accepted ? `, ${counts.accepted} accepted` : ''} in ${plural(counts.documents, 'document')}`,
    '',
    `Checked against Working Together to Safeguard Children as of ${ctx.asOf} (wtlint ${ctx.version}).`,
    '',
    '| Document | Kind | Edition | Elements present | Errors | Warnings | Info | Accepted |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => summaryRow(r)),
  ];
  lines.push(...matrix(results));
  for (const result of results) {
    const findings = visibleFindings(result, ctx.quiet);
    if (!findings.length) continue;
    lines.push(
      '',
      `### ${markdownText(result.file)}`,
      '',
      '| Line | Severity | Rule | Finding | What to add |',
      '| ---: | --- | --- | --- | --- |',
    );
    for (const f of findings) {
      const severity = f.accepted ? `✔️ accepted (${f.severity})` : ICON[f.severity];
      lines.push(
        `| ${placeOf(f)} | ${severity} | ${markdownCodeCell(f.ruleId)} | ${markdownText(messageOf(f))} | ${markdownText(f.help)} ${markdownText(`(${f.citation})`)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
};

const STATUS: Record<ElementStatus, string> = { present: '✅', partial: '🟡', missing: '❌', 'not-applicable': '–' };
/** Beyond this many documents the matrix is too wide to read; the tables below still list every finding. */
const MATRIX_MAX_DOCUMENTS = 12;

/** Requirement × document: the status of every element, in a collapsed section. */
function matrix(results: DocumentResult[]): string[] {
  const documents = results.filter((r) => Object.keys(r.elements).length > 0);
  if (documents.length === 0 || documents.length > MATRIX_MAX_DOCUMENTS) return [];
  const elements = [...new Set(documents.flatMap((r) => Object.keys(r.elements)))].sort();
  return [
    '',
    '<details><summary>Requirements by document (✅ present, 🟡 partial, ❌ missing, – not applicable)</summary>',
    '',
    `| Requirement | ${documents.map((r) => markdownCodeCell(r.file)).join(' | ')} |`,
    `| --- | ${documents.map(() => ':---:').join(' | ')} |`,
    ...elements.map(
      (e) =>
        `| ${markdownCodeCell(e)} | ${documents
          .map((r) => {
            const status = r.elements[e];
            return status ? STATUS[status] : ' ';
          })
          .join(' | ')} |`,
    ),
    '',
    '</details>',
  ];
}

function summaryRow(r: DocumentResult): string {
  const c = countFindings([r]);
  const statuses = Object.values(r.elements).filter((s) => s !== 'not-applicable');
  const present = statuses.length ? `${statuses.filter((s) => s === 'present').length}/${statuses.length}` : '–';
  const cell = (value: string | null) => (value ? markdownText(value) : '–');
  return `| ${markdownCodeCell(r.file)} | ${cell(r.kind)} | ${cell(r.edition)} | ${present} | ${c.errors} | ${c.warnings} | ${c.infos} | ${c.accepted} |`;
}
