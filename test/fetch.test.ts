// wtlint fetch end to end, against web servers started here on 127.0.0.1 (nothing leaves
// the machine): fetch then audit gives what the same documents put there by hand give,
// with their provenance; re-runs revalidate; failures are per document; robots.txt and
// per-host spacing are obeyed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { cli, tempDir } from './helpers.js';
import { westcombeDocx } from './helpers/word.js';
import { document, startServer, type TestServer } from './helpers/web-server.js';
import type { AuditReport } from '../src/audit/types.js';

const page = (title: string, sections: [string, string][]) =>
  `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><main><h1>${title}</h1>\n${sections.map(([h, p]) => `<h2>${h}</h2><p>${p}</p>`).join('\n')}\n</main></body></html>\n`;

const ARRANGEMENTS = page('Northshire Safeguarding Children Partnership: multi-agency safeguarding arrangements', [
  ['Funding', 'The partners fund the arrangements through a pooled budget with equitable contributions agreed each year.'],
  ['Independent scrutiny', 'An independent scrutineer reviews how well the partners work together and reports to the lead partners.'],
  ['Information sharing', 'Partners share information to safeguard children in line with the government advice on information sharing.'],
]);
const ARRANGEMENTS_V2 = page('Northshire Safeguarding Children Partnership: multi-agency safeguarding arrangements', [
  ['Independent scrutiny', 'An independent scrutineer reviews how well the partners work together and reports to the lead partners.'],
]);
const WESTMOOR = page('Westmoor Safeguarding Children Partnership arrangements', [
  ['Funding', 'Contributions from each partner are set out in the annual budget.'],
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

const MODIFIED = 'Tue, 01 Oct 2024 10:00:00 GMT';

describe('wtlint fetch then wtlint audit', () => {
  let a: TestServer;
  let b: TestServer;
  let docx: Buffer;
  let arrangements = ARRANGEMENTS;
  let arrangementsTag = '"a1"';
  let root: string;

  beforeAll(async () => {
    docx = await westcombeDocx();
    a = await startServer({
      '/robots.txt': (_q, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
      '/northshire/arrangements.html': (req, res) =>
        document(arrangements, 'text/html; charset=utf-8', { etag: arrangementsTag })(req, res, 0),
      '/northshire/annual-report-2024-25': (_q, res) => res.writeHead(301, { Location: '/files/report.docx' }).end(),
      '/files/report.docx': document(docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', {
        lastModified: MODIFIED,
      }),
      '/northshire/summary.pdf': document(PDF, 'application/octet-stream', { etag: '"p1"' }),
    });
    b = await startServer({
      '/westmoor/arrangements': (req, res) => {
        if (req.headers['if-none-match'] === '"w1"') return void res.writeHead(304, { ETag: '"w1"' }).end();
        res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', ETag: '"w1"' }).end(gzipSync(WESTMOOR));
      },
    });
    root = tempDir();
    writeFileSync(
      join(root, 'areas.yaml'),
      [
        '# An example manifest: two areas, their documents by URL',
        'areas:',
        '  - name: Northshire',
        '    files:',
        `      - { url: "${a.origin}/northshire/arrangements.html", kind: arrangements, edition: 2023, published: 2024-11-29 }`,
        `      - url: ${a.origin}/northshire/annual-report-2024-25`,
        '        kind: yearly-report',
        '        published: 2025-09-26',
        '        period: { start: 2024-04-01, end: 2025-03-31 }',
        `      - url: ${a.origin}/northshire/summary.pdf`,
        '  - name: Westmoor',
        '    files:',
        `      - { url: "${b.origin}/westmoor/arrangements", kind: arrangements }`,
        '',
      ].join('\n'),
    );
    // The same documents put in a folder by hand, with the same metadata in their sidecars.
    const hand = join(root, 'hand');
    mkdirSync(join(hand, 'northshire'), { recursive: true });
    mkdirSync(join(hand, 'westmoor'), { recursive: true });
    writeFileSync(join(hand, 'northshire/arrangements.html'), ARRANGEMENTS);
    writeFileSync(join(hand, 'northshire/arrangements.html.yaml'), 'kind: arrangements\nedition: 2023\npublished: 2024-11-29\n');
    writeFileSync(join(hand, 'northshire/annual-report-2024-25.docx'), docx);
    writeFileSync(
      join(hand, 'northshire/annual-report-2024-25.docx.yaml'),
      'kind: yearly-report\npublished: 2025-09-26\nperiod: { start: 2024-04-01, end: 2025-03-31 }\n',
    );
    writeFileSync(join(hand, 'northshire/summary.pdf'), PDF);
    writeFileSync(join(hand, 'westmoor/arrangements.html'), WESTMOOR);
    writeFileSync(join(hand, 'westmoor/arrangements.html.yaml'), 'kind: arrangements\n');
    writeFileSync(
      join(hand, 'areas.yaml'),
      'areas:\n  - name: Northshire\n    files: [northshire/arrangements.html, northshire/annual-report-2024-25.docx, northshire/summary.pdf]\n  - name: Westmoor\n    files: [westmoor/arrangements.html]\n',
    );
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const audit = async (dir: string, format: string, extra: string[] = []) => {
    const run = await cli(['audit', dir, '-f', format, '-j', '0', ...extra], { cwd: root });
    return run;
  };
  const statuses = (report: AuditReport) =>
    report.areas.map((area) => ({
      name: area.name,
      cells: Object.fromEntries(Object.entries(area.cells).map(([k, c]) => [k, c.status])),
      documents: area.documents.map((d) => ({ kind: d.kind, edition: d.edition, elements: d.elements })),
    }));

  it('downloads every document, names it by its content, writes sidecars and DIR/areas.yaml', async () => {
    const run = await cli(['fetch', 'areas.yaml', '--into', 'out', '--delay', '0.05'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('wtlint fetch: 4 documents: 4 new. Wrote out/areas.yaml; next: wtlint audit out\n');
    expect(run.code).toBe(0);
    expect(readdirSync(join(root, 'out/northshire')).sort()).toEqual([
      'annual-report-2024-25.docx',
      'annual-report-2024-25.docx.yaml',
      'arrangements.html',
      'arrangements.html.yaml',
      'summary.pdf',
      'summary.pdf.yaml',
    ]);
    expect(readFileSync(join(root, 'out/northshire/summary.pdf'))).toEqual(PDF);
    expect(readFileSync(join(root, 'out/westmoor/arrangements.html'), 'utf8')).toBe(WESTMOOR); // gzip undone
    const sidecar = parse(readFileSync(join(root, 'out/northshire/annual-report-2024-25.docx.yaml'), 'utf8'));
    expect(sidecar).toEqual({
      kind: 'yearly-report',
      published: '2025-09-26',
      period: { start: '2024-04-01', end: '2025-03-31' },
      source: {
        url: `${a.origin}/northshire/annual-report-2024-25`,
        final_url: `${a.origin}/files/report.docx`,
        retrieved: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        status: 200,
        content_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        etag: null,
        last_modified: MODIFIED,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        bytes: docx.length,
      },
    });
    expect(parse(readFileSync(join(root, 'out/areas.yaml'), 'utf8'))).toEqual({
      areas: [
        { name: 'Northshire', files: ['northshire/arrangements.html', 'northshire/annual-report-2024-25.docx', 'northshire/summary.pdf'] },
        { name: 'Westmoor', files: ['westmoor/arrangements.html'] },
      ],
    });
    // Polite: robots.txt first, wtlint's User-Agent on every request.
    expect(a.log[0]!.path).toBe('/robots.txt');
    for (const r of [...a.log, ...b.log])
      expect(r.headers['user-agent']).toMatch(/^wtlint\/\d+\.\d+\.\d+ \(safeguarding arrangements checker(?:; \+https?:\/\/\S+)?\)$/);
  });

  it('audits the fetched folder exactly as the same documents put there by hand, with provenance', async () => {
    const fetched = JSON.parse((await audit('out', 'json')).stdout) as AuditReport;
    const byHand = JSON.parse((await audit('hand', 'json')).stdout) as AuditReport;
    expect(statuses(fetched)).toEqual(statuses(byHand));
    expect(fetched.areas.map((x) => x.findings.map((f) => f.ruleId))).toEqual(byHand.areas.map((x) => x.findings.map((f) => f.ruleId)));
    const docs = fetched.areas.flatMap((x) => x.documents);
    expect(docs.map((d) => d.source?.url)).toEqual([
      `${a.origin}/northshire/annual-report-2024-25`,
      `${a.origin}/northshire/arrangements.html`,
      `${a.origin}/northshire/summary.pdf`,
      `${b.origin}/westmoor/arrangements`,
    ]);
    expect(byHand.areas.flatMap((x) => x.documents).map((d) => d.source)).toEqual([null, null, null, null]);
    expect(fetched.provenance.inputs.map((i) => [i.url, i.retrieved?.slice(0, 4)])).toEqual(
      docs.map((d) => [d.source!.url, d.source!.retrieved.slice(0, 4)]),
    );

    const csv = (await audit('out', 'csv')).stdout.split('\r\n');
    expect(csv[0]).toBe('area,kind,element,group,status,change,file,line,evidence,rule,citation,source_url,retrieved');
    const funding = csv.find((l) => l.startsWith('Northshire,arrangements,funding,'))!;
    expect(funding).toContain(`,${a.origin}/northshire/arrangements.html,${docs[1]!.source!.retrieved}`);
    const html = (await audit('out', 'html')).stdout;
    expect(html).toContain(
      `fetched from <code>${a.origin}/northshire/annual-report-2024-25</code> (via <code>${a.origin}/files/report.docx</code>), retrieved ${docs[0]!.source!.retrieved}`,
    );
    expect(html).toContain(`<td><code>${b.origin}/westmoor/arrangements</code></td><td>${docs[3]!.source!.retrieved}</td>`);
    const day = docs[0]!.source!.retrieved.slice(0, 10);
    expect((await audit('out', 'terminal')).stdout).toContain(`Fetched from the web: 4 of 4 documents, retrieved ${day}.\n`);
  });

  it('revalidates on a second run: nothing unchanged is downloaded again', async () => {
    const before = readFileSync(join(root, 'out/northshire/arrangements.html.yaml'), 'utf8');
    const since = { a: a.log.length, b: b.log.length };
    const run = await cli(['fetch', 'areas.yaml', '--into', 'out', '--delay', '0.05'], { cwd: root });
    expect(run.stdout).toBe('wtlint fetch: 4 documents: 4 not modified (304). Wrote out/areas.yaml; next: wtlint audit out\n');
    expect(run.code).toBe(0);
    const again = [...a.log.slice(since.a), ...b.log.slice(since.b)].filter((r) => r.path !== '/robots.txt');
    expect(again.map((r) => [r.path, r.status])).toEqual([
      ['/northshire/arrangements.html', 304],
      ['/northshire/annual-report-2024-25', 301],
      ['/files/report.docx', 304],
      ['/northshire/summary.pdf', 304],
      ['/westmoor/arrangements', 304],
    ]);
    expect(again[0]!.headers['if-none-match']).toBe('"a1"');
    expect(again[2]!.headers['if-modified-since']).toBe(MODIFIED);
    const after = parse(readFileSync(join(root, 'out/northshire/arrangements.html.yaml'), 'utf8'));
    expect(after.source.sha256).toBe(parse(before).source.sha256);
    expect(after.source.retrieved >= parse(before).source.retrieved).toBe(true);
  });

  it('replaces a changed document, and audit --compare shows what changed', async () => {
    const previous = join(root, 'previous.json');
    writeFileSync(previous, (await audit('out', 'json')).stdout);
    arrangements = ARRANGEMENTS_V2;
    arrangementsTag = '"a2"';
    const run = await cli(['fetch', 'areas.yaml', '--into', 'out', '--delay', '0.05'], { cwd: root });
    expect(run.stdout).toBe('wtlint fetch: 4 documents: 1 changed, 3 not modified (304). Wrote out/areas.yaml; next: wtlint audit out\n');
    expect(readFileSync(join(root, 'out/northshire/arrangements.html'), 'utf8')).toBe(ARRANGEMENTS_V2);
    expect(readdirSync(join(root, 'out/northshire')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const compared = JSON.parse((await audit('out', 'json', ['--compare', 'previous.json'])).stdout) as AuditReport;
    expect(compared.comparison!.newlyMissing).toContainEqual({ area: 'Northshire', column: 'arrangements/funding' });
  });

  it('--offline uses only the folder', async () => {
    const since = a.log.length + b.log.length;
    const run = await cli(['fetch', 'areas.yaml', '--into', 'out', '--offline'], { cwd: root });
    expect(run.stdout).toBe('wtlint fetch: 4 documents: 4 kept (offline). Wrote out/areas.yaml; next: wtlint audit out\n');
    expect(run.code).toBe(0);
    expect(a.log.length + b.log.length).toBe(since);
    const fresh = await cli(['fetch', 'areas.yaml', '--into', 'empty', '--offline'], { cwd: root });
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toContain(
      `Northshire: ${a.origin}/northshire/arrangements.html\n  could not be fetched (no copy (offline)): No copy of ${a.origin}/northshire/arrangements.html in the folder: run wtlint fetch without --offline first\n`,
    );
  });
});
