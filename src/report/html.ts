// --format html: one self-contained page per run, for people who would rather look than read.
// Per document: what to add (missing and partial elements with their citation and help, then
// the other errors and warnings), every element with its status and why, the dates checked,
// and the document's own text with each element's evidence highlighted (a <mark> whose title
// names the elements; lines link from the side list). No script, no external resource: the
// Content-Security-Policy allows only the page's own stylesheet, by its hash. Everything from
// documents is escaped.
import { createHash } from 'node:crypto';
import type { ReportContext, Reporter, RuleMeta } from './types.js';
import { countFindings, visibleFindings } from './summary.js';
import { messageOf } from './rule-info.js';
import { escapeHtml } from '../escape/html.js';
import { plainText } from '../escape/terminal.js';
import type { DocumentResult, ElementStatus, Evidence, EvidenceGap, Finding } from '../types.js';

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
header.run,section.doc{background:#fff;border:1px solid #d0d7de;border-radius:8px;margin:16px auto;max-width:1400px;padding:16px 24px}
h1{font-size:22px;margin:0 0 6px}h2{font-size:19px;margin:0 0 2px;word-break:break-all}h3{font-size:15px;margin:18px 0 6px}
.muted{color:#59636e}.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);gap:24px;align-items:start}
.side{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow:auto}
.text{border:1px solid #d0d7de;border-radius:6px;font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-x:auto;background:#fff}
.ln{display:flex;white-space:pre-wrap;word-break:break-word}.ln:target{outline:2px solid #0969da}
.ln a{flex:0 0 4.5em;text-align:right;padding-right:10px;color:#8c959f;text-decoration:none;user-select:none;border-right:1px solid #eaeef2;margin-right:8px}
.ln span{flex:1}mark{border-radius:3px;padding:0 2px;color:inherit}
mark.present{background:#dafbe1}mark.note{background:#ddf4ff}mark.partial{background:#fff1c2}mark.finding{background:#ffebe9}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eaeef2;padding:4px 6px;text-align:left;vertical-align:top;font-size:14px}
.st{font-weight:600;white-space:nowrap}.st.present{color:#1a7f37}.st.partial{color:#9a6700}.st.missing{color:#cf222e}.st.not-applicable{color:#59636e}
ul.todo{padding-left:18px}ul.todo li{margin-bottom:10px}.sev-error{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-info{color:#59636e}
.cite{color:#59636e;font-size:13px}.help{font-size:14px}.ok{color:#1a7f37}code{font-size:13px;background:#f6f8fa;padding:1px 3px;border-radius:3px}
nav ul{margin:6px 0 0;padding-left:18px}
`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
export const CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'`;

/** Check kinds that judge a date: what "the dates checked" lists. */
const DATE_CHECKS = new Set(['deadline', 'not-future', 'period', 'review-timeliness', 'superseded']);
const STATUS_WORD: Record<ElementStatus, string> = {
  present: 'present',
  partial: 'partial',
  missing: 'missing',
  'not-applicable': 'not applicable',
};
const GAP: Record<EvidenceGap, string> = {
  'placeholder-only': 'the section holds only a placeholder',
  empty: 'the section is empty',
  'placeholders-left': 'the section still holds placeholders',
  'not-covered': 'the section does not cover what the guidance expects',
};

/** Document text from the file, escaped, with control characters shown rather than obeyed. */
const e = (text: string) => escapeHtml(plainText(text));

export const html: Reporter = (results, ctx) => {
  const counts = countFindings(results);
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
  );
  out.push(`<title>wtlint check as of ${e(ctx.asOf)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(
    '<header class="run">',
    `<h1>${results.length === 1 ? 'One document' : `${results.length} documents`} checked against Working Together to Safeguard Children</h1>`,
  );
  out.push(
    `<p>Deadlines judged as of <b>${e(ctx.asOf)}</b>. ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, ${counts.infos} info${counts.accepted ? `, ${counts.accepted} accepted` : ''}. <span class="muted">wtlint ${e(ctx.version)}</span></p>`,
  );
  out.push('<nav><ul>');
  results.forEach((r, i) => {
    const errors = r.findings.filter((f) => f.severity === 'error' && !f.accepted).length;
    out.push(
      `<li><a href="#d${i + 1}">${e(r.file)}</a> <span class="muted">${errors ? `${errors} error${errors === 1 ? '' : 's'}` : 'no errors'}</span></li>`,
    );
  });
  out.push('</ul></nav>', '</header>');
  results.forEach((result, i) => out.push(documentSection(result, `d${i + 1}`, ctx)));
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
};

function documentSection(result: DocumentResult, id: string, ctx: ReportContext): string {
  const findings = visibleFindings(result, ctx.quiet);
  const rule = (element: string): RuleMeta | undefined => ctx.rules.find((r) => r.edition === result.edition && r.element === element);
  const about = [result.kind, result.edition && `Working Together ${result.edition}`, result.area].filter(Boolean).map((s) => e(String(s)));
  const lineLink = (line: number) => `<a href="#${id}-L${line}">line ${line}</a>`;
  const out: string[] = [
    `<section class="doc" id="${id}">`,
    `<h2>${e(result.file)}</h2>`,
    `<p class="muted">${about.join(' · ') || 'not checked against the guidance'}</p>`,
    '<div class="cols">',
  ];

  // The text, with evidence and findings marked on their lines.
  const lines = ctx.texts?.[result.file];
  out.push('<div>', '<h3>The document</h3>');
  out.push(
    '<p class="muted">Highlighted: <mark class="present">evidence of an element found</mark> <mark class="partial">evidence of an element only partly there</mark> <mark class="finding">a problem at that line</mark> <mark class="note">an observation</mark>. Point at a highlight to see which.</p>',
  );
  if (lines) {
    const marks = lineMarks(result, findings, rule);
    out.push('<div class="text">');
    lines.forEach((text, n) => {
      const line = n + 1;
      const mark = marks.get(line);
      const body = text === '' ? ' ' : e(text.replace(/\t/g, '    '));
      out.push(
        `<div class="ln" id="${id}-L${line}"><a href="#${id}-L${line}">${line}</a><span>${mark ? `<mark class="${mark.cls}" title="${escapeHtml(mark.title)}">${body}</mark>` : body}</span></div>`,
      );
    });
    out.push('</div>');
  } else {
    out.push('<p class="muted">The text is not shown: it was read from standard input or could not be read again.</p>');
  }
  out.push('</div>', '<div class="side">');

  // What to add: elements missing or partial, then the other errors and warnings.
  const todo = findings.filter((f) => f.severity !== 'info' || f.accepted);
  out.push('<h3>What to add or fix</h3>');
  if (todo.length === 0) out.push('<p class="ok">Nothing: no errors or warnings.</p>');
  else {
    out.push('<ul class="todo">');
    for (const f of todo) {
      const where = f.line > 1 || f.column > 1 ? ` (${lineLink(f.line)})` : '';
      const severity = f.accepted ? 'accepted' : f.severity;
      out.push(
        `<li><span class="sev-${f.accepted ? 'info' : f.severity}">${severity}</span> ${e(messageOf(f))}${where}<br><span class="help">→ ${e(f.help)}</span><br><span class="cite">${e(f.citation)} · <code>${e(f.ruleId)}</code></span></li>`,
      );
    }
    out.push('</ul>');
  }

  // Every element: status and why.
  const elements = Object.entries(result.elements);
  if (elements.length) {
    out.push('<h3>Elements</h3>', '<table><thead><tr><th>Element</th><th>Status</th><th>Why</th></tr></thead><tbody>');
    for (const [element, status] of elements) {
      out.push(
        `<tr><td>${e(rule(element)?.title ?? element)}</td><td class="st ${status}">${STATUS_WORD[status]}</td><td>${why(result, element, status, findings, lineLink)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  // The dates checked: each date rule of the document's edition and kind, and what it found.
  const dateRules = ctx.rules.filter(
    (r) => r.edition === result.edition && result.kind && r.kinds?.includes(result.kind) && r.checks?.some((c) => DATE_CHECKS.has(c)),
  );
  if (result.kind) {
    out.push('<h3>Dates checked</h3>', `<p class="muted">As of ${e(ctx.asOf)}.</p>`, '<ul>');
    for (const r of dateRules) {
      const found = findings.filter((f) => f.ruleId === r.ruleId);
      const outcome = found.length
        ? found.map((f) => `<span class="sev-${f.severity}">${e(messageOf(f))}</span>`).join('<br>')
        : '<span class="ok">no problem found</span>';
      out.push(`<li>${e(r.title)}: ${outcome}</li>`);
    }
    out.push('</ul>');
  }

  const infos = findings.filter((f) => f.severity === 'info' && !f.accepted);
  if (infos.length) {
    out.push('<h3>Observations (info)</h3>', '<ul class="todo">');
    for (const f of infos)
      out.push(
        `<li>${e(messageOf(f))}${f.line > 1 ? ` (${lineLink(f.line)})` : ''}<br><span class="cite">${e(f.citation)} · <code>${e(f.ruleId)}</code></span></li>`,
      );
    out.push('</ul>');
  }
  out.push('</div>', '</div>', '</section>');
  return out.join('\n');
}

/** Why an element has its status: its first evidence (linked to its line), or the finding that says it is missing. */
function why(
  result: DocumentResult,
  element: string,
  status: ElementStatus,
  findings: Finding[],
  lineLink: (line: number) => string,
): string {
  if (status === 'not-applicable') return 'turned off in the config';
  const evidence = result.evidence[element]?.[0];
  if (evidence) return `${describe(evidence)} (${lineLink(evidence.line)})`;
  const finding = findings.find((f) => f.element === element);
  return finding ? e(finding.message) : 'no evidence found';
}

function describe(evidence: Evidence): string {
  const what = {
    field: 'field',
    heading: 'heading',
    sentence: 'sentence',
    'list-item': 'list item',
    contents: 'contents entry',
    signature: 'signature block',
  }[evidence.via];
  return `${what} “${e(evidence.text)}”${evidence.gap ? `: ${GAP[evidence.gap]}` : ''}`;
}

/** For each line, the class and hover text of its mark: evidence of elements, and findings placed there. */
function lineMarks(
  result: DocumentResult,
  findings: Finding[],
  rule: (element: string) => RuleMeta | undefined,
): Map<number, { cls: string; title: string }> {
  const notes = new Map<number, { worst: number; lines: string[] }>();
  const CLASSES = ['present', 'note', 'partial', 'finding'];
  const add = (line: number, rank: number, note: string) => {
    const entry = notes.get(line) ?? { worst: 0, lines: [] };
    entry.worst = Math.max(entry.worst, rank);
    if (!entry.lines.includes(note)) entry.lines.push(note);
    notes.set(line, entry);
  };
  for (const [element, list] of Object.entries(result.evidence)) {
    const status = result.elements[element];
    if (status !== 'present' && status !== 'partial') continue;
    const title = rule(element)?.title ?? element;
    for (const evidence of list)
      add(evidence.line, status === 'partial' ? 2 : 0, `${title}: ${status}${evidence.gap ? ` (${GAP[evidence.gap]})` : ''}`);
  }
  for (const f of findings)
    if (f.line > 1 || f.column > 1) add(f.line, f.severity === 'info' ? 1 : 3, `${f.severity}: ${plainText(messageOf(f))}`);
  return new Map([...notes].map(([line, n]) => [line, { cls: CLASSES[n.worst]!, title: n.lines.join('\n') }]));
}
