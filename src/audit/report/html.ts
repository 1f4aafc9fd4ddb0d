// --format html: one self-contained page, readable without script: national summary with
// inline-SVG bar charts, a heatmap matrix, the overdue list, and each area's findings with
// citations and evidence. Everything from documents is escaped; the CSP forbids any script.
import { escapeHtml as e } from '../../escape/html.js';
import { STATUS_SYMBOL, STATUS_WORDS } from './symbols.js';
import { joiner } from './stream.js';
import type { AuditReportHead, AuditStreamReporter } from './types.js';
import type { AreaResult, AuditColumn, AuditDocument, CellStatus } from '../types.js';
import type { ElementStatus, Finding } from '../../types.js';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const COLOUR: Record<CellStatus, string> = {
  present: '#1a7f37',
  partial: '#d4a72c',
  missing: '#cf222e',
  'not-applicable': '#d0d7de',
  unavailable: '#8250df',
};

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:24px;max-width:1400px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h3{font-size:15px;margin:16px 0 6px}.muted{color:#59636e}.kpis{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.kpi{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px}.kpi b{display:block;font-size:22px}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}.heat td.c{width:18px;text-align:center;padding:2px;color:#fff;font-size:12px}
.heat th.v{vertical-align:bottom;padding:2px}.heat th.v div{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;font-size:12px;height:180px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.scroll{overflow-x:auto}
.heat th.g{text-align:center;font-size:12px}.heat td.n{white-space:nowrap;max-width:260px;overflow:hidden;text-overflow:ellipsis}
.present{background:${COLOUR.present}}.partial{background:${COLOUR.partial}}.missing{background:${COLOUR.missing}}.not-applicable{background:${COLOUR['not-applicable']}}.unavailable{background:${COLOUR.unavailable}}
.chg{outline:3px solid #0969da;outline-offset:-3px}.sev-error{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-info{color:#59636e}
details{border:1px solid #d0d7de;border-radius:6px;margin:6px 0;padding:4px 10px}summary{cursor:pointer;font-weight:600}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px}
code{font-size:12px;background:#f6f8fa;padding:1px 3px;border-radius:3px}.cite{color:#59636e;font-size:12px}
`;

// Two parts per area: its heatmap row and its section; the page holds them in two places.
export const htmlStream: AuditStreamReporter = {
  parts: (area, layout) => [heatmapRow(area, layout.columns), areaSection(area, layout.columns)],
  write(report, parts, out) {
    const { provenance: p, summary } = report;
    // The page is its pieces joined by newlines; the heatmap's rows and the areas' sections are pieces too.
    const emit = joiner(out, '\n');
    emit(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">`);
    emit(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    emit(`<meta name="viewport" content="width=device-width, initial-scale=1">`);
    emit(`<title>wtlint audit as of ${e(p.asOf)}</title>\n<style>${STYLE}</style>\n</head>\n<body>`);
    emit(`<h1>Safeguarding arrangements audit, as of ${e(p.asOf)}</h1>`);
    emit(
      `<p class="muted">Made by wtlint ${e(p.wtlint)} with rule packs ${p.packs.map((x) => `${e(x.pack)} (Working Together ${e(x.edition)})`).join(', ')}` +
        `${p.shard ? `; shard ${p.shard.index} of ${p.shard.total}` : ''}${p.mergedFrom.length ? `; merged from ${p.mergedFrom.length} shard reports` : ''}` +
        ` from ${summary.documents} documents in ${e(p.root)}. Input hashes are listed at the end.</p>`,
    );
    emit(
      `<div class="kpis">${kpi(summary.areas, 'areas')}${kpi(summary.documents, 'documents')}${kpi(summary.areasWithErrors, 'areas with errors')}${kpi(report.overdue.length, 'overdue or missing reports')}${kpi(summary.errors, 'errors')}${kpi(summary.warnings, 'warnings')}</div>`,
    );

    emit(`<h2>National summary: share of areas meeting each element</h2>`);
    emit(legend());
    emit(barChart(report));

    emit(`<h2>Matrix: areas × elements</h2>`);
    emit(
      `<p class="muted">Each cell is the area's latest document of that kind. Hover a cell for its evidence. ${report.comparison ? 'A blue outline marks a change since the previous audit.' : ''}</p>`,
    );
    emit(heatmapHead(report));
    for (const row of parts(0)) emit(row);
    emit('</tbody></table></div>');

    emit(`<h2>Overdue reports (${report.overdue.length})</h2>`);
    if (report.overdue.length === 0) emit('<p>None.</p>');
    else {
      emit(
        '<table><thead><tr><th>Area</th><th>Report</th><th>Due</th><th>Days overdue</th><th>Latest report</th><th>Rule</th></tr></thead><tbody>',
      );
      for (const o of report.overdue) {
        emit(
          `<tr><td>${e(o.area)}</td><td>${e(o.document ?? 'yearly report')}</td><td>${o.due ? e(o.due) : o.messageId === 'none' ? 'none' : 'undated'}</td><td>${o.daysOverdue ?? ''}</td><td>${o.latest ? `<code>${e(o.latest)}</code>` : ''}</td><td><code>${e(o.ruleId)}</code></td></tr>`,
        );
      }
      emit('</tbody></table>');
    }

    if (report.comparison) emit(comparison(report));

    emit(`<h2>Areas</h2>`);
    for (const section of parts(1)) emit(section);

    emit(
      `<h2>Inputs</h2><table><thead><tr><th>File</th><th>Kind</th><th>Edition</th><th>sha256</th><th>Source</th><th>Retrieved</th></tr></thead><tbody>`,
    );
    const inferredMark = (input: (typeof p.inputs)[number], key: string) =>
      input.inferred?.includes(key) ? ' <em class="muted">(inferred)</em>' : '';
    for (const input of p.inputs) {
      const hash = input.sha256 ?? (input.url ? 'not fetched' : 'unreadable');
      emit(
        `<tr><td><code>${e(input.file)}</code></td><td>${e(input.kind ?? '')}${inferredMark(input, 'kind')}</td><td>${e(input.edition ?? '')}${inferredMark(input, 'edition')}</td><td><code>${e(hash)}</code></td><td>${input.url ? `<code>${e(input.url)}</code>` : ''}</td><td>${e(input.retrieved ?? '')}</td></tr>`,
      );
    }
    emit(`</tbody></table>\n</body>\n</html>\n`);
  },
};

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function kpi(value: number, label: string): string {
  return `<div class="kpi"><b>${value}</b>${e(label)}</div>`;
}

function legend(): string {
  return `<p class="legend">${(['present', 'partial', 'missing', 'not-applicable', 'unavailable'] as const).map((s) => `<span class="${s}"></span>${STATUS_WORDS[s]}`).join('')}</p>`;
}

function barChart(report: AuditReportHead): string {
  const rowHeight = 18;
  const labelWidth = 360;
  const LABEL_CHARS = 52;
  const barWidth = 520;
  const rows: string[] = [];
  let y = 0;
  for (const group of report.groups) {
    rows.push(`<text x="0" y="${y + 13}" font-weight="600" font-size="13">${e(group.title)}</text>`);
    y += rowHeight;
    for (const key of group.columns) {
      const column = report.columns.find((c) => c.key === key)!;
      const t = report.summary.columns[key]!;
      const share = (n: number) => (t.applicable ? n / t.applicable : 0);
      let x = labelWidth;
      const label = column.title.length > LABEL_CHARS ? `${column.title.slice(0, LABEL_CHARS - 1)}…` : column.title;
      rows.push(`<text x="12" y="${y + 13}" font-size="12">${e(label)}<title>${e(column.title)}</title></text>`);
      for (const status of ['present', 'partial', 'missing'] as const) {
        const w = Math.round(share(t[status]) * barWidth * 10) / 10;
        if (w > 0)
          rows.push(
            `<rect x="${x}" y="${y + 2}" width="${w}" height="${rowHeight - 4}" fill="${COLOUR[status]}"><title>${e(`${column.title}: ${t[status]} of ${t.applicable} areas ${status}`)}</title></rect>`,
          );
        x += w;
      }
      const pct = t.applicable ? Math.round((t.present / t.applicable) * 100) : 0;
      rows.push(`<text x="${labelWidth + barWidth + 8}" y="${y + 13}" font-size="12">${pct}% (${t.present}/${t.applicable})</text>`);
      y += rowHeight;
    }
  }
  const height = y + 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 110}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 110} ${height}" role="img" aria-label="Share of areas meeting each element">${rows.join('\n')}</svg>`;
}

function heatmapHead(report: AuditReportHead): string {
  const out: string[] = ['<div class="scroll"><table class="heat"><thead><tr><th rowspan="2">Area</th>'];
  for (const g of report.groups) out.push(`<th class="g" colspan="${g.columns.length}">${e(g.label)}</th>`);
  out.push('<th rowspan="2">Errors</th><th rowspan="2">Warnings</th></tr><tr>');
  for (const c of report.columns) out.push(`<th class="v" title="${e(`${c.key}: ${c.title}`)}"><div>${e(c.title)}</div></th>`);
  out.push('</tr></thead><tbody>');
  return out.join('\n');
}

function heatmapRow(area: AreaResult, columns: AuditColumn[]): string {
  const out: string[] = [`<tr><td class="n"><a href="#${anchor(area.name)}">${e(area.name)}</a></td>`];
  for (const c of columns) {
    const cell = area.cells[c.key]!;
    const where = cell.file ? `${cell.file}${cell.line ? `:${cell.line}` : ''}: ` : '';
    const tip = `${area.name}, ${c.title}: ${cell.status}${cell.change ? ` (${cell.change})` : ''}. ${where}${cell.evidence}`;
    out.push(`<td class="c ${cell.status}${cell.change ? ' chg' : ''}" title="${e(tip)}">${STATUS_SYMBOL[cell.status]}</td>`);
  }
  out.push(`<td>${area.counts.errors}</td><td>${area.counts.warnings}</td></tr>`);
  return out.join('\n');
}

function comparison(report: AuditReportHead): string {
  const c = report.comparison!;
  const list = (title: string, items: string[]) =>
    `<h3>${e(title)} (${items.length})</h3>${items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>None.</p>'}`;
  return (
    `<h2>Changes since the audit as of ${e(c.previousAsOf)}</h2>` +
    (c.rulesChanged?.length
      ? `<p>The previous audit was made with other rules (${e(c.rulesChanged.join(', '))}): a change may come from them, not from a document.</p>`
      : '') +
    list(
      'Newly missing',
      c.newlyMissing.map((x) => `${e(x.area)}: <code>${e(x.column)}</code>`),
    ) +
    list(
      'Resolved',
      c.resolved.map((x) => `${e(x.area)}: <code>${e(x.column)}</code>`),
    ) +
    list(
      'New area findings',
      c.newFindings.map((x) => `${e(x.area)}: <code>${e(x.ruleId)}</code>`),
    ) +
    list(
      'Resolved area findings',
      c.resolvedFindings.map((x) => `${e(x.area)}: <code>${e(x.ruleId)}</code>`),
    )
  );
}

/** A stable id for an area's section; the name itself is never trusted as markup. */
function anchor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (Math.imul(hash, 31) + ch.codePointAt(0)!) >>> 0;
  return `area-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)}-${hash.toString(36)}`;
}

/** Where a fetched document came from and when; what became of one that could not be fetched. */
function provenance(d: AuditDocument): string {
  const parts: string[] = [];
  if (d.source)
    parts.push(
      `; fetched from <code>${e(d.source.url)}</code>${d.source.final_url !== d.source.url ? ` (via <code>${e(d.source.final_url)}</code>)` : ''}, retrieved ${e(d.source.retrieved)}`,
    );
  const f = d.fetchFailure;
  if (f)
    parts.push(
      f.copy
        ? `; the latest fetch failed (${e(f.reason)}, ${e(f.date)}): this copy is from an earlier run`
        : `; could not be fetched (${e(f.reason)}, ${e(f.date)})`,
    );
  return parts.join('');
}

function findingRow(f: Finding, file: string | null): string {
  const where = file ? `<code>${e(file)}${f.line > 1 || f.column > 1 ? `:${f.line}:${f.column}` : ''}</code>` : '';
  return `<tr><td class="sev-${f.severity}">${f.severity}</td><td>${where}</td><td>${e(f.message)}<div class="cite">${e(f.help)}</div></td><td><code>${e(f.ruleId)}</code><div class="cite">${e(f.citation)}</div></td></tr>`;
}

function areaSection(area: AreaResult, columns: AuditColumn[]): string {
  const out: string[] = [
    `<details id="${anchor(area.name)}"><summary>${e(area.name)}: ${count(area.counts.errors, 'error')}, ${count(area.counts.warnings, 'warning')}, ${count(area.documents.length, 'document')}</summary>`,
  ];
  out.push('<h3>Findings</h3>');
  const rows = [
    ...area.findings.map((f) => findingRow(f, f.file)),
    ...area.documents.flatMap((d) => d.findings.map((f) => findingRow(f, d.file))),
  ];
  out.push(
    rows.length
      ? `<table><thead><tr><th>Severity</th><th>Where</th><th>Finding</th><th>Rule and citation</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`
      : '<p>None.</p>',
  );
  out.push(
    '<h3>Elements and evidence</h3><table><thead><tr><th>Element</th><th>Status</th><th>Evidence</th><th>Citation</th></tr></thead><tbody>',
  );
  for (const c of columns) {
    const cell = area.cells[c.key]!;
    const where = cell.file ? `<code>${e(cell.file)}${cell.line ? `:${cell.line}` : ''}</code> ` : '';
    out.push(
      `<tr><td>${e(c.kind)}: ${e(c.title)}</td><td><span class="${cell.status}" style="display:inline-block;width:10px;height:10px"></span> ${cell.status}${cell.change ? ` (${cell.change})` : ''}</td><td>${where}${e(cell.evidence)}</td><td class="cite">${e(cell.citation)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  // A value read from the text, not stated, is marked so the reader knows to check it.
  const mark = (d: AuditDocument, key: string) => (d.inferred?.includes(key) ? ' <em class="muted">(inferred)</em>' : '');
  const docs = area.documents.map(
    (d) =>
      `<li><code>${e(d.file)}</code>: ${e(d.kind ?? 'unknown kind')}${mark(d, 'kind')}, edition ${e(d.edition ?? 'unknown')}${mark(d, 'edition')}` +
      `${d.published ? `, published ${e(d.published)}${mark(d, 'published')}` : ''}${d.periodEnd && d.inferred?.includes('period') ? `, period ${e(d.periodStart ?? '')} to ${e(d.periodEnd)}${mark(d, 'period')}` : ''}${provenance(d)}</li>`,
  );
  out.push(`<h3>Documents</h3>${docs.length ? `<ul>${docs.join('')}</ul>` : '<p>None found.</p>'}</details>`);
  return out.join('\n');
}
