// The fetch logic without a network or a real clock: a fake request function and a
// virtual clock whose sleeps return at once (and are recorded), so every case is instant.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createContext, DEFAULT_SETTINGS, download, type FetchSettings, type Request } from '../src/fetch/download.js';
import { HostGate, parseRetryAfter, type Clock } from '../src/fetch/politeness.js';
import { nameFromUrl, planFetch, slugify } from '../src/fetch/plan.js';
import { describeOther, sniffType } from '../src/fetch/sniff.js';
import { fetchAll, outputManifest, type DocumentStore, type StoredCopy } from '../src/fetch/run.js';
import { readSource, sidecarText } from '../src/fetch/sidecar.js';
import type { PlannedDocument } from '../src/fetch/plan.js';
import { westcombeDocx } from './helpers/word.js';

const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
const SETTINGS: FetchSettings = { ...DEFAULT_SETTINGS, userAgent: 'wtlint/0.0.0 (+https://wtlint.test)' };
const HTML = '<!DOCTYPE html><html><body><h1>Report</h1></body></html>';

/** Virtual time: sleeps advance it and return at once; the timeout's sleep waits for its abort unless `timeouts` fire. */
function virtualClock(options: { timeouts?: boolean } = {}) {
  let now = T0;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: (ms, signal) => {
      if (ms === SETTINGS.timeoutMs && !options.timeouts) {
        return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
      }
      if (ms !== SETTINGS.timeoutMs) sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
  return { clock, sleeps, advance: (ms: number) => (now += ms) };
}

interface Call {
  url: string;
  at: number;
  headers: Record<string, string>;
}

/** A request function from a table of answers per URL (a list: one per call, the last repeated). */
function fakeWeb(routes: Record<string, (() => Response)[]>, clock: { now(): number }, opts: { hang?: string } = {}) {
  const calls: Call[] = [];
  const request: Request = (url, init) => {
    calls.push({ url, at: clock.now(), headers: init.headers });
    if (url === opts.hang)
      return new Promise((_resolve, reject) =>
        init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const list = routes[url];
    if (!list) return Promise.resolve(new Response('no', { status: 404 }));
    const n = calls.filter((c) => c.url === url).length;
    return Promise.resolve(list[Math.min(n, list.length) - 1]!());
  };
  return { request, calls };
}

const ok =
  (body: string | Uint8Array, headers: Record<string, string> = { 'Content-Type': 'text/html' }) =>
  () =>
    new Response(typeof body === 'string' ? body : Buffer.from(body), { status: 200, headers });
const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(null, { status: code, headers });
const noRobots = { 'https://a.test/robots.txt': [status(404)] };

describe('sniffType', () => {
  it('knows a PDF, a Word document and an HTML page by their bytes, and nothing else', async () => {
    const bytes = (s: string) => Buffer.from(s, 'latin1');
    expect(sniffType(bytes('%PDF-1.7\n…'))).toBe('pdf');
    expect(sniffType(await westcombeDocx())).toBe('docx');
    expect(sniffType(bytes('PK\x03\x04 a zip of photos'))).toBeNull();
    expect(describeOther(bytes('PK\x03\x04 a zip of photos'))).toBe('a zip file that is not a Word document');
    for (const page of [
      '<!DOCTYPE html><html>',
      '\ufeff  <html lang="en">',
      '<!-- saved -->\n<html>',
      '<HEAD>',
      '<p>text',
      '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
    ]) {
      expect([page, sniffType(Buffer.from(page, 'utf8'))]).toEqual([page, 'html']);
    }
    expect(sniffType(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<!DOCTYPE html><html>', 'utf16le')]))).toBe('html');
    expect(sniffType(bytes('<pre>'))).toBeNull(); // "<p" must be followed by a space or ">"
    expect(sniffType(bytes('{"json": true}'))).toBeNull();
    expect(describeOther(bytes('\xd0\xcf\x11\xe0 old Word'))).toBe('an old binary Office file (.doc)');
    expect(describeOther(new Uint8Array(0))).toBe('an empty body');
  });
});

describe('planFetch', () => {
  it('gives each area a folder and each URL a stable, unique name', () => {
    expect(slugify('Tri-county (shared arrangements)', 'x')).toBe('tri-county-shared-arrangements');
    expect(slugify('Ĉéllo  & Friends!', 'x')).toBe('cello-friends');
    expect(slugify('!!!', 'fallback')).toBe('fallback');
    expect(nameFromUrl(new URL('https://a.test/docs/Annual%20Report%202024-25.pdf'))).toBe('annual-report-2024-25');
    expect(nameFromUrl(new URL('https://a.test/safeguarding/arrangements/'))).toBe('arrangements');
    expect(nameFromUrl(new URL('https://www.a.test/'))).toBe('www-a-test');
    const plan = planFetch([
      { name: 'Northshire', files: ['local/report.md', { url: 'https://a.test/x/report.pdf' }, { url: 'https://b.test/y/report' }] },
      { name: 'northshire!', files: [] },
      { name: 'Areas', files: [] },
    ]);
    expect(plan.map((a) => a.folder)).toEqual(['northshire', 'northshire-2', 'areas-2']);
    expect(plan[0]!.files.map((f) => ('path' in f ? f.path : f.fetch.name))).toEqual(['local/report.md', 'report', 'report-2']);
  });
});

describe('politeness', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', T0)).toBe(120_000);
    expect(parseRetryAfter(new Date(T0 + 5000).toUTCString(), T0)).toBe(5000);
    expect(parseRetryAfter('soon', T0)).toBeNull();
    expect(parseRetryAfter(null, T0)).toBeNull();
  });

  it('spaces requests to one host from the end of one to the start of the next; other hosts do not wait', async () => {
    const { clock } = virtualClock();
    const gate = new HostGate(clock, 1000);
    const starts: [string, number][] = [];
    const request = (host: string, takes: number) =>
      gate.run(host, async () => {
        starts.push([host, clock.now()]);
        await clock.sleep(takes); // the answer takes this long
      });
    await Promise.all([request('a.test', 300), request('a.test', 300), request('b.test', 0), request('a.test', 0)]);
    const a = starts.filter(([h]) => h === 'a.test').map(([, t]) => t - T0);
    for (let i = 1; i < a.length; i++) expect(a[i]! - a[i - 1]!).toBeGreaterThanOrEqual(1300);
    gate.slowDown('b.test', 5000);
    gate.slowDown('b.test', 2000); // never shorter
    await Promise.all([request('b.test', 0), request('b.test', 0)]);
    const b = starts.filter(([h]) => h === 'b.test').map(([, t]) => t);
    expect(b.at(-1)! - b.at(-2)!).toBe(5000);
  });
});

describe('download', () => {
  const run = (
    routes: Record<string, (() => Response)[]>,
    url: string,
    options: { previous?: Parameters<typeof download>[2]; hang?: string; timeouts?: boolean; settings?: Partial<FetchSettings> } = {},
  ) => {
    const time = virtualClock({ timeouts: options.timeouts });
    const web = fakeWeb(routes, time.clock, { hang: options.hang });
    const context = createContext(web.request, time.clock, { ...SETTINGS, ...options.settings }, new AbortController().signal);
    return { result: download(context, url, options.previous ?? null), ...web, ...time };
  };

  it('retries a 429 after the Retry-After it asks for, and a 503 with doubling waits', async () => {
    const r = run(
      { ...noRobots, 'https://a.test/r': [status(429, { 'Retry-After': '7' }), status(503), status(503), ok(HTML)] },
      'https://a.test/r',
    );
    const outcome = await r.result;
    expect(outcome.kind).toBe('fetched');
    // Retry-After's 7 s, then 1 s doubled for each further retry; the 1 s pauses between requests besides.
    expect(r.sleeps.filter((ms) => ms !== SETTINGS.delayMs)).toEqual([7000, 2000, 4000]);
    expect(r.calls.map((c) => c.url)).toEqual([
      'https://a.test/robots.txt',
      'https://a.test/r',
      'https://a.test/r',
      'https://a.test/r',
      'https://a.test/r',
    ]);
  });

  it('gives up on a server that asks to wait longer than the cap, or keeps refusing', async () => {
    const long = await run({ ...noRobots, 'https://a.test/r': [status(503, { 'Retry-After': '3600' })] }, 'https://a.test/r').result;
    expect(long).toMatchObject({ kind: 'failed', failure: { reason: '503', date: '2026-12-05' } });
    const busy = run({ ...noRobots, 'https://a.test/r': [status(429)] }, 'https://a.test/r', { settings: { retries: 2 } });
    expect(await busy.result).toMatchObject({ kind: 'failed', message: 'HTTP 429 at https://a.test/r, still after 2 retries' });
    expect(busy.calls.filter((c) => c.url === 'https://a.test/r')).toHaveLength(3);
  });

  it('follows at most five redirects', async () => {
    const hops = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`https://a.test/${i}`, [status(302, { Location: `/${i + 1}` })]]));
    expect(await run({ ...noRobots, ...hops }, 'https://a.test/0').result).toMatchObject({
      kind: 'failed',
      failure: { reason: 'too many redirects' },
    });
    expect(
      await run({ ...noRobots, 'https://a.test/0': [status(301, { Location: 'http://[::1' })] }, 'https://a.test/0').result,
    ).toMatchObject({ kind: 'failed', failure: { reason: 'bad redirect' } });
    const five = { ...hops, 'https://a.test/5': [ok(HTML)] };
    expect(await run({ ...noRobots, ...five }, 'https://a.test/0').result).toMatchObject({
      kind: 'fetched',
      source: { final_url: 'https://a.test/5' },
    });
  });

  it('checks robots.txt again for a redirect to another host, and honours its Crawl-delay', async () => {
    const r = run(
      {
        ...noRobots,
        'https://a.test/r': [status(301, { Location: 'https://b.test/files/r' })],
        'https://b.test/robots.txt': [ok('User-agent: wtlint\nCrawl-delay: 4\nDisallow: /files/\n', { 'Content-Type': 'text/plain' })],
      },
      'https://a.test/r',
    );
    expect(await r.result).toMatchObject({
      kind: 'failed',
      failure: { reason: 'robots.txt disallows' },
      message: 'https://b.test/robots.txt (line 3) does not allow wtlint to fetch https://b.test/files/r',
    });
    expect(r.calls.map((c) => c.url)).toEqual(['https://a.test/robots.txt', 'https://a.test/r', 'https://b.test/robots.txt']);
  });

  it('sends the validators of the copy it has, and a 304 keeps it with a new retrieval time', async () => {
    const previous = {
      url: 'https://a.test/r',
      final_url: 'https://a.test/r',
      retrieved: '2026-11-01T08:00:00.000Z',
      status: 200,
      content_type: 'text/html',
      etag: '"v1"',
      last_modified: 'Tue, 01 Oct 2024 10:00:00 GMT',
      sha256: 'ab'.repeat(32),
      bytes: 10,
    };
    const r = run({ ...noRobots, 'https://a.test/r': [status(304)] }, 'https://a.test/r', { previous });
    expect(await r.result).toEqual({ kind: 'not-modified', source: { ...previous, retrieved: '2026-12-05T09:00:01.000Z' } }); // after robots.txt and a 1 s pause
    expect(r.calls[1]!.headers).toMatchObject({
      'User-Agent': SETTINGS.userAgent,
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Tue, 01 Oct 2024 10:00:00 GMT',
    });
  });

  it('times out a request that does not answer, and refuses a body over the limit or of the wrong type', async () => {
    expect(await run(noRobots, 'https://a.test/slow', { hang: 'https://a.test/slow', timeouts: true }).result).toMatchObject({
      kind: 'failed',
      failure: { reason: 'timeout after 30 s' },
    });
    expect(
      await run({ ...noRobots, 'https://a.test/big': [ok('<html>'.padEnd(2000, 'x'))] }, 'https://a.test/big', {
        settings: { maxBytes: 1000 },
      }).result,
    ).toMatchObject({ kind: 'failed', failure: { reason: 'larger than 1000 bytes' } });
    // Refused from its Content-Length before any of the body is read.
    let pulled = 0;
    const declared = () =>
      new Response(new ReadableStream({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(100))) }), {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Content-Length': '5000000' },
      });
    expect(
      await run({ ...noRobots, 'https://a.test/huge.pdf': [declared] }, 'https://a.test/huge.pdf', { settings: { maxBytes: 1000 } }).result,
    ).toMatchObject({
      kind: 'failed',
      message: 'The document at https://a.test/huge.pdf is larger than the limit of 1000 bytes (--max-size)',
    });
    expect(pulled).toBeLessThanOrEqual(1); // a stream pulls once as it is made; nothing more was read
    expect(
      await run({ ...noRobots, 'https://a.test/j': [ok('{"a":1}', { 'Content-Type': 'application/json' })] }, 'https://a.test/j').result,
    ).toMatchObject({
      kind: 'failed',
      failure: { reason: 'wrong type (application/json)' },
      message:
        'The answer is not a PDF, Word document or web page (Content-Type application/json); wtlint fetches PDF, Word (.docx) and HTML documents',
    });
    expect(
      await run({ ...noRobots, 'https://a.test/p': [ok('%PDF-1.4', { 'Content-Type': 'text/plain' })] }, 'https://a.test/p').result,
    ).toMatchObject({ kind: 'fetched', type: 'pdf' });
  });

  it('never fetches from a host whose robots.txt cannot be read, and refuses schemes other than http and https', async () => {
    const r = run({ 'https://a.test/robots.txt': [status(500)], 'https://a.test/r': [ok(HTML)] }, 'https://a.test/r', {
      settings: { retries: 0 },
    });
    expect(await r.result).toMatchObject({
      kind: 'failed',
      failure: { reason: 'robots.txt unreachable' },
      message: 'https://a.test/robots.txt answered 500; a site whose robots.txt cannot be read is not fetched from (RFC 9309)',
    });
    expect(r.calls.map((c) => c.url)).toEqual(['https://a.test/robots.txt']);
    expect(await run(noRobots, 'file:///etc/passwd').result).toMatchObject({ kind: 'failed', failure: { reason: 'file: refused' } });
  });
});

describe('fetchAll', () => {
  /** DIR in memory. */
  function memoryStore() {
    const files = new Map<string, { body: Uint8Array; sidecar: string }>();
    const store: DocumentStore = {
      previous: (doc) => {
        for (const type of ['pdf', 'docx', 'html'] as const) {
          const path = `${doc.folder}/${doc.name}.${type}`;
          const file = files.get(path);
          const source = file && readSource(file.sidecar);
          if (source) return { path, type, source } satisfies StoredCopy;
        }
        return null;
      },
      save: (doc: PlannedDocument, type, body, sidecar) => {
        const path = `${doc.folder}/${doc.name}.${type}`;
        files.set(path, { body, sidecar });
        return path;
      },
      keep: (copy, sidecar) => void (files.get(copy.path)!.sidecar = sidecar),
    };
    return { store, files };
  }

  it('saves new documents, keeps unchanged ones, replaces changed ones, and records failures in the manifest', async () => {
    const { store, files } = memoryStore();
    let version = 'one';
    const time = virtualClock();
    const web = fakeWeb(
      {
        ...noRobots,
        'https://a.test/arrangements.html': [() => ok(`<html><body>${version}</body></html>`)()],
        'https://a.test/report.pdf': [ok('%PDF-1.4 report', { 'Content-Type': 'application/pdf' })],
      },
      time.clock,
    );
    const plan = planFetch([
      {
        name: 'Northshire',
        files: [
          '../local.md',
          { url: 'https://a.test/arrangements.html', kind: 'arrangements', edition: 2023 },
          { url: 'https://a.test/report.pdf' },
          { url: 'https://a.test/gone' },
        ],
      },
    ]);
    const fetchOnce = () =>
      fetchAll(plan, createContext(web.request, time.clock, SETTINGS, new AbortController().signal), store, {
        offline: false,
        today: '2026-12-05',
      });
    const first = await fetchOnce();
    expect(first.map((r) => r.status)).toEqual(['new', 'new', 'failed']);
    expect(parse(files.get('northshire/arrangements.html')!.sidecar)).toMatchObject({
      kind: 'arrangements',
      edition: 2023,
      source: { url: 'https://a.test/arrangements.html', status: 200 },
    });
    expect(outputManifest(plan, first, (p) => `../src/${p}`)).toBe(
      [
        '# Written by wtlint fetch: the documents it fetched, for `wtlint audit` on this folder.',
        '# Each fetched document has its metadata and source in a sidecar beside it (<name>.<ext>.yaml).',
        'areas:',
        '  - name: Northshire',
        '    files:',
        '      - ../src/../local.md',
        '      - northshire/arrangements.html',
        '      - northshire/report.pdf',
        '      - url: https://a.test/gone',
        '        failed:',
        '          reason: "404"',
        '          date: 2026-12-05',
        '',
      ].join('\n'),
    );
    version = 'two';
    const second = await fetchOnce();
    expect(second.map((r) => r.status)).toEqual(['changed', 'unchanged', 'failed']);
    expect(Buffer.from(files.get('northshire/arrangements.html')!.body).toString()).toBe('<html><body>two</body></html>');
    const offline = await fetchAll(plan, null, store, { offline: true, today: '2026-12-05' });
    expect(offline.map((r) => [r.status, r.path])).toEqual([
      ['offline', 'northshire/arrangements.html'],
      ['offline', 'northshire/report.pdf'],
      ['failed', null],
    ]);
  });

  it('writes a sidecar that reads back, and ignores one without a whole source', () => {
    const source = {
      url: 'https://a.test/r',
      final_url: 'https://a.test/r',
      retrieved: '2026-12-05T09:00:00.000Z',
      status: 200,
      content_type: null,
      etag: null,
      last_modified: null,
      sha256: 'cd'.repeat(32),
      bytes: 3,
    };
    const text = sidecarText({ kind: 'yearly-report', period: { start: '2024-04-01', end: '2025-03-31' } }, source);
    expect(readSource(text)).toEqual(source);
    expect(parse(text)).toMatchObject({ kind: 'yearly-report', period: { start: '2024-04-01', end: '2025-03-31' } });
    expect(readSource('kind: arrangements\n')).toBeNull();
    expect(readSource('source: { url: x }\n')).toBeNull();
    expect(readSource(': : broken')).toBeNull();
  });
});

describe("a fetched document's sidecar", () => {
  it('holding only source, is read as no sidecar: the metadata still comes from the text', async () => {
    const { bundledLinter } = await import('../src/engine/resources.js');
    const linter = bundledLinter();
    const page = Buffer.from(
      '<html><body><h1>Brookfield Safeguarding Children Partnership annual report 2024-25</h1><p>Published: 29 September 2025</p><h2>Funding</h2><p>The partners agreed equitable contributions.</p></body></html>',
    );
    const options = { asOf: '2026-11-23' };
    const source = {
      url: 'https://a.test/r',
      final_url: 'https://a.test/r',
      retrieved: '2026-12-05T09:00:00.000Z',
      status: 200,
      content_type: 'text/html',
      etag: null,
      last_modified: null,
      sha256: 'ab'.repeat(32),
      bytes: page.length,
    };
    const bare = await linter.lintFileBytes('report.html', page, options);
    const fetched = await linter.lintFileBytes('report.html', page, {
      ...options,
      sidecar: { path: 'report.html.yaml', text: sidecarText({}, source) },
    });
    expect(fetched).toEqual(bare);
    expect(bare.findings.some((f) => f.ruleId === 'document-metadata')).toBe(true);
    // With metadata beside it, the sidecar is the metadata, and `source` passes the schema.
    const stated = await linter.lintFileBytes('report.html', page, {
      ...options,
      sidecar: { path: 'report.html.yaml', text: sidecarText({ kind: 'yearly-report', published: '2025-09-29' }, source) },
    });
    expect(
      stated.findings.filter((f) => f.ruleId === 'document-metadata' || f.ruleId === 'parse-error' || f.element === 'front-matter'),
    ).toEqual([]);
    expect(stated.kind).toBe('yearly-report');
    const broken = await linter.lintFileBytes('report.html', page, {
      ...options,
      sidecar: { path: 'report.html.yaml', text: 'kind: yearly-report\nsource: { url: https://a.test/r }\n' },
    });
    expect(broken.findings.filter((f) => f.element === 'front-matter').map((f) => f.message)).toEqual([
      expect.stringContaining('retrieved'),
    ]);
  });
});
