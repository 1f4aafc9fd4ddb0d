// audit shows what was read from a document's text (no front matter, no sidecar) as inferred,
// in every format that lists documents, and uses the inferred dates for its area checks.
import { describe, expect, it } from 'vitest';
import { runCli, tempFolder } from './helpers/cli.js';
import type { AuditReport } from '../src/audit/types.js';

const PAGE = [
  '<html><body><main>',
  '<h1>Eastmere Safeguarding Children Partnership annual report 2019-20</h1>',
  '<p>Published 30 September 2020.</p>',
  '<p>The three safeguarding partners and the Eastmere Clinical Commissioning Group worked together over the past year.</p>',
  '</main></body></html>',
].join('\n');

const root = tempFolder({
  'areas/eastmere/report.html': PAGE,
  'areas/eastmere/arrangements.md': '---\nkind: arrangements\nedition: 2018\npublished: 2019-06-20\n---\n\n# Eastmere arrangements\n',
});

describe('audit and inferred metadata', () => {
  it('JSON: the document carries the keys read from its text and the dates they give', async () => {
    const run = await runCli(['audit', 'areas', '--as-of', '2026-11-23', '-f', 'json', '--jobs', '0'], root);
    const report = JSON.parse(run.stdout) as AuditReport;
    const docs = report.areas[0]!.documents.map((d) => [
      d.file,
      d.kind,
      d.edition,
      d.published,
      d.periodStart,
      d.periodEnd,
      d.inferred ?? null,
    ]);
    expect(docs).toEqual([
      ['eastmere/arrangements.md', 'arrangements', '2018', '2019-06-20', null, null, null],
      [
        'eastmere/report.html',
        'yearly-report',
        '2018',
        '2020-09-30',
        '2019-04-01',
        '2020-03-31',
        ['kind', 'area', 'edition', 'period', 'published'],
      ],
    ]);
    expect(report.provenance.inputs.map((i) => [i.file, i.inferred ?? null])).toEqual([
      ['eastmere/arrangements.md', null],
      ['eastmere/report.html', ['kind', 'area', 'edition', 'period', 'published']],
    ]);
  });

  it('terminal: a section names each document whose metadata was inferred', async () => {
    const run = await runCli(['audit', 'areas', '--as-of', '2026-11-23', '--jobs', '0'], root);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Inferred from the text'));
    expect(lines.slice(at, at + 2)).toEqual([
      'Inferred from the text (1 documents without front matter or sidecar: check them, or state them in a sidecar):',
      '  eastmere/report.html: yearly-report, edition 2018, period, published',
    ]);
  });

  it('HTML: inferred values are marked where documents are listed', async () => {
    const run = await runCli(['audit', 'areas', '--as-of', '2026-11-23', '-f', 'html', '--jobs', '0'], root);
    expect(run.stdout).toContain(
      '<li><code>eastmere/report.html</code>: yearly-report <em class="muted">(inferred)</em>, edition 2018 <em class="muted">(inferred)</em>, published 2020-09-30 <em class="muted">(inferred)</em>, period 2019-04-01 to 2020-03-31 <em class="muted">(inferred)</em></li>',
    );
    expect(run.stdout).toContain(
      '<tr><td><code>eastmere/report.html</code></td><td>yearly-report <em class="muted">(inferred)</em></td><td>2018 <em class="muted">(inferred)</em></td>',
    );
  });
});
