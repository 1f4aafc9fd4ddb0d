// wtlint fetch when things go wrong, against web servers on 127.0.0.1: each failure is the
// document's own (terminal summary, DIR/areas.yaml, audit's "could not be fetched"), the
// run goes on, and the exit code is 1. Also robots.txt, per-host spacing and bad manifests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { cli, tempDir } from './helpers.js';
import { document, startServer, type TestServer } from './helpers/web-server.js';
import type { AuditReport } from '../src/audit/types.js';

const HTML =
  '<!DOCTYPE html><html><body><h1>Eastbrook Safeguarding Children Partnership yearly report</h1><h2>Funding</h2><p>Partners contribute equitably to the budget.</p></body></html>';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('wtlint fetch failures', () => {
  let a: TestServer;
  let closed: TestServer;
  let root: string;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    a = await startServer({
      '/robots.txt': (_q, res) =>
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: wtlint\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n'),
      '/ok.html': document(HTML, 'text/html'),
      '/private/report.html': document(HTML, 'text/html'),
      '/gone': (_q, res) => res.writeHead(404).end('no'),
      '/broken': (_q, res) => res.writeHead(500).end('oops'),
      '/loop-a': (_q, res) => res.writeHead(302, { Location: '/loop-b' }).end(),
      '/loop-b': (_q, res) => res.writeHead(302, { Location: '/loop-a' }).end(),
      '/to-ftp': (_q, res) => res.writeHead(302, { Location: 'ftp://127.0.0.1/report.pdf' }).end(),
      '/to-private': (_q, res) => res.writeHead(301, { Location: '/private/report.html' }).end(),
      '/slow': (_q, res) => void setTimeout(() => res.writeHead(200, { 'Content-Type': 'text/html' }).end(HTML), 3000),
      '/endless': (_q, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.write('<!DOCTYPE html><html><body>');
        const timer = setInterval(() => res.write(`<p>${'x'.repeat(4096)}</p>`), 1);
        res.on('close', () => clearInterval(timer));
      },
      '/image': document(PNG, 'image/png'),
      '/says-pdf': document(HTML, 'application/pdf'),
      '/busy': (_q, res, count) => {
        if (count === 1) return void res.writeHead(429, { 'Retry-After': '1' }).end();
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(HTML);
      },
      '/always-busy': (_q, res) => res.writeHead(503, { 'Retry-After': '3600' }).end(),
    });
    // A host whose robots.txt cannot be read: nothing is fetched from it.
    closed = await startServer({ '/robots.txt': (_q, res) => res.writeHead(503).end(), '/report.html': document(HTML, 'text/html') });
    root = tempDir();
    const entries = [
      '/ok.html',
      '/private/report.html',
      '/gone',
      '/broken',
      '/loop-a',
      '/to-ftp',
      '/to-private',
      '/slow',
      '/endless',
      '/image',
      '/says-pdf',
      '/busy',
      '/always-busy',
    ];
    writeFileSync(
      join(root, 'areas.yaml'),
      [
        'areas:',
        '  - name: Eastbrook',
        '    files:',
        ...entries.map((p) => `      - { url: "${a.origin}${p}", kind: yearly-report }`),
        '  - name: Closed',
        '    files:',
        `      - { url: "${closed.origin}/report.html", kind: arrangements }`,
        '',
      ].join('\n'),
    );
    run = await cli(['fetch', 'areas.yaml', '--into', 'out', '--delay', '0.01', '--timeout', '1', '--max-size', '0.1'], { cwd: root });
  }, 30_000);
  afterAll(async () => {
    await a.close();
    await closed.close();
  });

  it('reports every failure with its reason, goes on with the rest, and exits 1', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const reasons = [...run.stdout.matchAll(/^  could not be fetched \((.*?)\): /gm)].map((m) => m[1]);
    expect(reasons).toEqual([
      'robots.txt disallows',
      '404',
      '500',
      'redirect loop',
      'ftp: refused',
      'robots.txt disallows',
      'timeout after 1 s',
      'larger than 0.1 MB',
      'wrong type (image/png)',
      'wrong type (application/pdf)',
      '503',
      'robots.txt unreachable',
    ]);
    expect(run.stdout).toContain(`  could not be fetched (404): HTTP 404 Not Found at ${a.origin}/gone\n`);
    expect(run.stdout).toContain(`does not allow wtlint to fetch ${a.origin}/private/report.html`);
    expect(run.stdout).toContain('the server asks to wait 3600 s, more than the 60 s wtlint waits');
    expect(run.stdout).toMatch(
      /wtlint fetch: 14 documents: 2 new, 12 could not be fetched\. Wrote out\/areas\.yaml; next: wtlint audit out\n$/,
    );
  });

  it('retries a 429 after its Retry-After, and never asks for a disallowed or unreachable-robots page', () => {
    const busy = a.log.filter((r) => r.path === '/busy');
    expect(busy.map((r) => r.status)).toEqual([429, 200]);
    expect(busy[1]!.at - busy[0]!.at).toBeGreaterThanOrEqual(990);
    expect(a.log.some((r) => r.path.startsWith('/private/'))).toBe(false);
    // robots.txt answered 503: retried like any 503, then the host is left alone.
    expect(closed.log.map((r) => [r.path, r.status])).toEqual(Array(4).fill(['/robots.txt', 503]));
    expect(readdirSync(join(root, 'out/eastbrook')).sort()).toEqual(['busy.html', 'busy.html.yaml', 'ok.html', 'ok.html.yaml']);
    expect(existsSync(join(root, 'out/closed'))).toBe(false);
  });

  it('records the failures in DIR/areas.yaml, and audit shows them as could not be fetched, not missing', async () => {
    const manifest = parse(readFileSync(join(root, 'out/areas.yaml'), 'utf8'));
    const day = new Date().toISOString().slice(0, 10);
    expect(manifest.areas[0].files[2]).toEqual({ url: `${a.origin}/gone`, kind: 'yearly-report', failed: { reason: '404', date: day } });
    expect(manifest.areas[1].files).toEqual([
      { url: `${closed.origin}/report.html`, kind: 'arrangements', failed: { reason: 'robots.txt unreachable', date: day } },
    ]);
    const audit = await cli(['audit', 'out', '-f', 'json', '-j', '0'], { cwd: root });
    const report = JSON.parse(audit.stdout) as AuditReport;
    const closedArea = report.areas.find((x) => x.name === 'Closed')!;
    expect(
      Object.entries(closedArea.cells)
        .filter(([k]) => k.startsWith('arrangements/'))
        .every(([, c]) => c.status === 'unavailable' && c.evidence === `could not be fetched (robots.txt unreachable, ${day})`),
    ).toBe(true);
    expect(closedArea.findings.map((f) => f.ruleId)).not.toContain('wt2023/area-arrangements');
    expect(closedArea.documents[0]!.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['fetch-failed', 'error', `Could not be fetched (robots.txt unreachable, ${day}): ${closed.origin}/report.html`],
    ]);
    expect(report.summary.groups[Object.keys(closedArea.groups).find((g) => closedArea.groups[g] === 'unavailable')!]!.unavailable).toBe(1);
    const terminal = await cli(['audit', 'out', '-j', '0'], { cwd: root });
    expect(terminal.stdout).toContain(
      `\n? unavailable  1         1      1         1        1         0         0         0          0    0\n`,
    );
    expect(terminal.stdout).toContain(
      `Fetched from the web: 2 of 14 documents, retrieved ${day}.\nCould not be fetched (12):\n  ${closed.origin}/report.html\n  ${a.origin}/always-busy\n`,
    );
    expect(terminal.code).toBe(1);
  });

  it('keeps the copy of an earlier run when a later fetch fails, and says so', async () => {
    const dir = tempDir();
    let gone = false;
    const server = await startServer({
      '/robots.txt': (_q, res) => res.writeHead(404).end(),
      '/page': (req, res) => (gone ? res.writeHead(410).end() : document(HTML, 'text/html')(req, res, 0)),
    });
    try {
      writeFileSync(
        join(dir, 'areas.yaml'),
        `areas:\n  - name: Eastbrook\n    files: [{ url: "${server.origin}/page", kind: yearly-report }]\n`,
      );
      expect((await cli(['fetch', 'areas.yaml', '--into', 'out', '--delay', '0'], { cwd: dir })).code).toBe(0);
      gone = true;
      const again = await cli(['fetch', 'areas.yaml', '--into', 'out', '--delay', '0'], { cwd: dir });
      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(/could not be fetched \(410\): HTTP 410 Gone at \S+; the copy from \d{4}-\d\d-\d\d is kept\n/);
      const entry = parse(readFileSync(join(dir, 'out/areas.yaml'), 'utf8')).areas[0].files[0];
      expect(entry).toMatchObject({ file: 'eastbrook/page.html', url: `${server.origin}/page`, failed: { reason: '410' } });
      const report = JSON.parse((await cli(['audit', 'out', '-f', 'json', '-j', '0'], { cwd: dir })).stdout) as AuditReport;
      const doc = report.areas[0]!.documents[0]!;
      expect(doc.file).toBe('eastbrook/page.html');
      expect(doc.fetchFailure).toMatchObject({ reason: '410', copy: true });
      expect(doc.findings[0]).toMatchObject({ ruleId: 'fetch-failed', severity: 'warning', messageId: 'stale' });
      expect(Object.values(report.areas[0]!.cells).some((c) => c.status === 'unavailable')).toBe(false);
    } finally {
      await server.close();
    }
  });
});

describe('wtlint fetch politeness across hosts', () => {
  it('spaces the requests to each host and fetches from two hosts at once', async () => {
    const pages = Object.fromEntries(['/1', '/2', '/3'].map((p) => [p, document(HTML, 'text/html')]));
    const one = await startServer({ ...pages, '/robots.txt': (_q, res) => res.writeHead(404).end() });
    const two = await startServer({ ...pages, '/robots.txt': (_q, res) => res.writeHead(404).end() });
    try {
      const dir = tempDir();
      const files = (s: TestServer) => ['/1', '/2', '/3'].map((p) => `      - "${s.origin}${p}"`.replace('- "', '- url: "'));
      writeFileSync(
        join(dir, 'areas.yaml'),
        ['areas:', '  - name: One', '    files:', ...files(one), '  - name: Two', '    files:', ...files(two), ''].join('\n'),
      );
      const run = await cli(['fetch', 'areas.yaml', '--into', 'out', '--delay', '0.3'], { cwd: dir });
      expect(run.code).toBe(0);
      for (const server of [one, two]) {
        expect(server.log.map((r) => r.path)).toEqual(['/robots.txt', '/1', '/2', '/3']);
        const gaps = server.log.slice(1).map((r, i) => r.at - server.log[i]!.at);
        for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(295);
      }
      // In parallel: each host's requests began before the other's had ended.
      expect(two.log[0]!.at).toBeLessThan(one.log.at(-1)!.at);
      expect(one.log[0]!.at).toBeLessThan(two.log.at(-1)!.at);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('wtlint fetch usage', () => {
  it('rejects a bad manifest with file:line:column, and bad options, with exit 2', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'areas.yaml'),
      'areas:\n  - name: Eastbrook\n    files:\n      - url: ftp://example.org/report.pdf\n      - { url: "https://example.org/a", kind: report }\n',
    );
    const bad = await cli(['fetch', 'areas.yaml', '--into', 'out'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^wtlint: areas\.yaml:4:\d+ /);
    writeFileSync(join(dir, 'areas.yaml'), 'areas:\n  - name: Eastbrook\n    files: [{ url: "https://example.org/a", size: 3 }]\n');
    expect((await cli(['fetch', 'areas.yaml', '--into', 'out'], { cwd: dir })).stderr).toMatch(/^wtlint: areas\.yaml:3:\d+ .*size/);
    writeFileSync(join(dir, 'areas.yaml'), 'areas:\n  - name: Eastbrook\n    files: [{ url: "https://example.org/a" }]\n');
    const delay = await cli(['fetch', 'areas.yaml', '--into', 'out', '--delay', 'soon'], { cwd: dir });
    expect([delay.code, delay.stderr]).toEqual([
      2,
      'wtlint: --delay "soon" is not a number of 0 or more\nGive --delay a number, e.g. --delay 1.\n',
    ]);
    const self = await cli(['fetch', 'areas.yaml', '--into', '.'], { cwd: dir });
    expect([self.code, self.stderr]).toEqual([
      2,
      'wtlint: --into . would overwrite the manifest areas.yaml\nFetch into another folder: wtlint writes its own areas.yaml there.\n',
    ]);
    // The example manifest is valid (read offline: nothing is requested from its made-up addresses).
    const example = await cli(['fetch', join(import.meta.dirname, '../examples/fetch/areas.yaml'), '--into', 'example', '--offline'], {
      cwd: dir,
    });
    expect([example.code, example.stderr, example.stdout.match(/could not be fetched \(no copy \(offline\)\)/g)?.length]).toEqual([
      1,
      '',
      3,
    ]);
    const local = parse(readFileSync(join(dir, 'example/areas.yaml'), 'utf8')).areas[1].files[1] as string;
    expect(resolve(dir, 'example', local)).toBe(join(import.meta.dirname, '../examples/westmoor/yearly-report-2023-24.md')); // from DIR
    // …and the manifest it wrote is one audit reads: the three documents could not be fetched, the local one is audited.
    const audited = JSON.parse((await cli(['audit', 'example', '-f', 'json', '-j', '0'], { cwd: dir })).stdout) as AuditReport;
    expect(audited.areas.flatMap((x) => x.documents.map((d) => [d.kind, d.fetchFailure?.reason ?? null]))).toEqual([
      ['arrangements', 'no copy (offline)'],
      ['yearly-report', 'no copy (offline)'],
      ['yearly-report', null],
      ['arrangements', 'no copy (offline)'],
    ]);
    const audit = await cli(['audit', '.', '-j', '0'], { cwd: dir });
    expect(audit.code).toBe(2);
    expect(audit.stderr).toBe(
      'wtlint: areas.yaml:3:13 names a URL (https://example.org/a); audit reads documents from disk\nFetch them first: wtlint fetch areas.yaml --into DIR, then wtlint audit DIR.\n',
    );
  });
});
