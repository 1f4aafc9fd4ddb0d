// audit streams: workers send packed findings (rule text once), areas are rendered and
// dropped as soon as their documents are in, parts go to a spool on disk and come back in
// report order; the output is byte for byte what the whole-report reporters give.
import { describe, expect, test, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { AS_OF, generateAreas } from './helpers/audit-areas.js';
import { runCli } from './helpers/cli.js';
import { AUDIT_FORMAT_NAMES } from '../src/audit/report/index.js';
import { auditStreams as auditStreamReporters, auditTexts as auditReporters } from './helpers/registries.js';
import { headOf } from '../src/audit/report/stream.js';
import { FindingPacker, FindingUnpacker } from '../src/audit-run/wire.js';
import { PartSpool } from '../src/audit-run/spool.js';
import { AreaStream } from '../src/cli/commands/audit.js';
import { runAuditTasks, startWorkers, type StartedWorker } from '../src/audit-run/pool.js';
import { findDocuments } from '../src/engine/files.js';
import { auditLayout } from '../src/audit/spec.js';
import { bundledLinter } from '../src/engine/resources.js';
import type { AuditDocument, AuditReport } from '../src/audit/types.js';
import type { Finding } from '../src/types.js';

const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures/audit/report.json'), 'utf8')) as AuditReport;
const ctx = { style: new Chalk({ level: 0 }) };

describe('streamed formats', () => {
  test('json is exactly JSON.stringify(report, null, 2), with areas and without', () => {
    expect(auditReporters.json(fixture, ctx)).toBe(`${JSON.stringify(fixture, null, 2)}\n`);
    const empty = { ...fixture, areas: [] };
    expect(auditReporters.json(empty, ctx)).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });

  test('every format from a spool (areas added in any order) = the whole-report reporter', () => {
    const layout = { groups: fixture.groups, columns: fixture.columns };
    const head = headOf(fixture);
    const names = head.areas.map((a) => a.name);
    for (const format of AUDIT_FORMAT_NAMES) {
      const stream = auditStreamReporters[format];
      const spool = new PartSpool();
      try {
        for (const area of [...structuredClone(fixture.areas)].reverse()) spool.add(area.name, stream.parts(area, layout, ctx));
        const out: string[] = [];
        stream.write(
          head,
          (index) => spool.read(names, index),
          (t) => out.push(typeof t === 'string' ? t : Buffer.from(t).toString('utf8')),
          ctx,
        );
        expect([format, out.join('')]).toEqual([format, auditReporters[format](structuredClone(fixture), ctx)]);
      } finally {
        spool.close();
      }
    }
  });
});

describe('packed findings across the worker boundary', () => {
  const rule = { ruleId: 'wt2023/funding', element: 'funding', severity: 'error' as const };
  const text = { citation: 'Working Together 2023, chapter 2, paragraph 58', help: 'State the contributions.' };
  const findings: Finding[] = [
    { ...rule, message: 'No funding', messageId: 'missing', line: 1, column: 1, ...text },
    { ...rule, message: 'Bad date', messageId: 'date', line: 4, column: 3, endLine: 4, endColumn: 9, ...text, path: ['funding', 0] },
    { ...rule, message: 'Accepted', messageId: 'missing', line: 1, column: 1, ...text, accepted: { reason: 'agreed' } },
    {
      ruleId: 'parse-error',
      element: 'parse-error',
      severity: 'error',
      message: 'Bad YAML',
      messageId: 'yaml',
      line: 2,
      column: 1,
      citation: 'wtlint input',
      help: 'Fix it.',
    },
  ];

  test('unpacked findings are the originals, key order too; rule text is sent once and shared', () => {
    const packer = new FindingPacker();
    const packed = findings.map((f) => packer.pack(f));
    expect(packed.map((p) => ('rule' in p ? p.rule : 'whole'))).toEqual([0, 0, 'whole', 1]);
    const rules = packer.takeNewRules();
    expect(rules).toEqual([
      { ...rule, ...text },
      { ruleId: 'parse-error', element: 'parse-error', severity: 'error', citation: 'wtlint input', help: 'Fix it.' },
    ]);
    expect(packer.pack(findings[0]!)).toEqual({ rule: 0, message: 'No funding', messageId: 'missing', line: 1, column: 1 });
    expect(packer.takeNewRules()).toEqual([]);

    const shared = new Map();
    const one = new FindingUnpacker(shared);
    const two = new FindingUnpacker(shared);
    one.learn(structuredClone(rules));
    two.learn(structuredClone(rules));
    const back = structuredClone(packed).map((p) => one.unpack(p));
    expect(JSON.stringify(back)).toBe(JSON.stringify(findings));
    // Two workers' findings of one rule share one citation string object in the main thread.
    expect(two.unpack(structuredClone(packed[0]!)).citation).toBe(back[0]!.citation);
    expect(() => one.unpack({ rule: 7, message: '', messageId: '', line: 1, column: 1 })).toThrow('unknown rule 7');
  });
});

describe('areas stream through', () => {
  const doc = (file: string, message: string): AuditDocument => ({
    file,
    sha256: 'ab',
    bytes: 10,
    kind: 'arrangements',
    edition: '2023',
    area: null,
    published: '2025-01-01',
    periodStart: null,
    periodEnd: null,
    partners: [],
    localAuthorities: [],
    elements: {},
    evidence: { funding: { line: 3, text: 'the evidence text' } },
    findings: [
      {
        ruleId: 'wt2023/funding',
        element: 'funding',
        severity: 'warning',
        message,
        messageId: 'm',
        line: 1,
        column: 1,
        citation: 'c',
        help: 'h',
      },
    ],
    source: null,
    fetchFailure: null,
  });

  test('an area is rendered once its documents are in, then only its summary is kept', () => {
    const linter = bundledLinter();
    const areas = [
      {
        name: 'beta',
        tasks: [
          { absolute: '/b/1.md', display: 'beta/1.md' },
          { absolute: '/b/2.md', display: 'beta/2.md' },
        ],
      },
      { name: 'alpha', tasks: [{ absolute: '/a/1.md', display: 'alpha/1.md' }] },
      { name: 'empty', tasks: [] },
    ];
    const rendered: string[] = [];
    const stream = new AreaStream(
      areas,
      {
        options: { asOf: AS_OF },
        layout: auditLayout(linter.packs),
        previous: null,
        format: auditStreamReporters.csv,
        flags: { format: 'csv' },
        io: { isTTY: false } as never,
      },
      (parts, name) => rendered.push(`${name}:${parts.length}:${parts[0]!.includes('UNIQUE-MESSAGE')}`),
    );
    expect(rendered).toEqual(['empty:1:false']);
    stream.document(1, doc('beta/2.md', 'UNIQUE-MESSAGE 2'));
    expect([stream.held, rendered.length]).toEqual([1, 1]);
    stream.document(2, doc('alpha/1.md', 'UNIQUE-MESSAGE 3'));
    expect([stream.held, rendered.length]).toEqual([1, 2]);
    stream.document(0, doc('beta/1.md', 'UNIQUE-MESSAGE 1'));
    expect([stream.held, rendered]).toEqual([0, ['empty:1:false', 'alpha:1:false', 'beta:1:false']]);

    // What the main thread keeps per area: its matrix line, input hashes, overdue entries; no document detail.
    const kept = stream.collector.retained();
    expect(kept.map((k) => Object.keys(k))).toEqual([0, 1, 2].map(() => ['line', 'inputs', 'overdue', 'changes']));
    expect(kept.map((k) => [k.line.name, k.line.counts, k.inputs])).toEqual([
      ['empty', { errors: 2, warnings: 2, infos: 0 }, []],
      [
        'alpha',
        { errors: 2, warnings: 3, infos: 0 },
        [{ file: 'alpha/1.md', sha256: 'ab', edition: '2023', kind: 'arrangements', url: null, retrieved: null }],
      ],
      [
        'beta',
        { errors: 2, warnings: 4, infos: 0 },
        [
          { file: 'beta/1.md', sha256: 'ab', edition: '2023', kind: 'arrangements', url: null, retrieved: null },
          { file: 'beta/2.md', sha256: 'ab', edition: '2023', kind: 'arrangements', url: null, retrieved: null },
        ],
      ],
    ]);
    expect(JSON.stringify(kept).match(/UNIQUE-MESSAGE|the evidence text/g)).toEqual(null);
  });
});

describe('the same report whatever the threads', () => {
  let root: string;
  beforeAll(() => {
    root = generateAreas().root;
  });
  test('--jobs 0, 1 and 2 give identical JSON (whole text), and HTML with workers = without', async () => {
    const runs = [];
    for (const jobs of ['0', '1', '2']) runs.push(await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'json', '--jobs', jobs], root));
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    expect(runs[2]!.stdout).toBe(runs[0]!.stdout);
    const html = [];
    for (const jobs of ['0', '2'])
      html.push((await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'html', '--jobs', jobs], root)).stdout);
    expect(html[1]).toBe(html[0]);
  });
});

describe('a worker out of memory', () => {
  test('its batches are checked in the main thread instead: the same documents, none lost', async () => {
    const { root, dir } = generateAreas();
    const tasks = findDocuments([dir], root, () => false).map((f) => ({ absolute: f.absolute, display: f.display }));
    const collect = async (workers: number, resourceLimits?: { maxOldGenerationSizeMb: number }, started?: StartedWorker[]) => {
      const got: [number, string, number][] = [];
      let progress = 0;
      await runAuditTasks(
        tasks,
        {
          workers,
          started,
          options: { asOf: AS_OF },
          onProgress: (n) => (progress = n),
          signal: new AbortController().signal,
          resourceLimits,
        },
        (i, doc) => got.push([i, doc.file, doc.findings.length]),
      );
      return { got: got.sort((a, b) => a[0] - b[0]), progress };
    };
    const inline = await collect(0);
    expect(inline.got.map((g) => g[0])).toEqual(tasks.map((_, i) => i));
    // A heap too small for any worker to load wtlint: every worker dies, the main thread does it all.
    expect(await collect(2, { maxOldGenerationSizeMb: 2 })).toEqual(inline);
    expect(await collect(1, { maxOldGenerationSizeMb: 2 })).toEqual(inline);
    // Workers that live: the main thread checks its share beside them, every document once.
    expect(await collect(1)).toEqual(inline);
    expect(await collect(2)).toEqual(inline);
  });

  test('threads started before the tasks are known: used, stopped when not wanted, and taken over when they died meanwhile', async () => {
    const { root, dir } = generateAreas();
    const tasks = findDocuments([dir], root, () => false).map((f) => ({ absolute: f.absolute, display: f.display }));
    const collect = async (workers: number, started: StartedWorker[]) => {
      const got: [number, string][] = [];
      const options = { workers, started, options: { asOf: AS_OF }, onProgress: () => undefined, signal: new AbortController().signal };
      await runAuditTasks(tasks, options, (i, doc) => got.push([i, JSON.stringify(doc)]));
      return got.sort((a, b) => a[0] - b[0]);
    };
    const exited = (thread: StartedWorker) => new Promise<number>((resolve) => thread.worker.once('exit', resolve));
    const inline = await collect(0, []);

    const two = startWorkers(2, { asOf: AS_OF });
    const stopped = two.map(exited);
    expect(await collect(1, two)).toEqual(inline);
    // The one taken and the one not wanted are both stopped by the end of the run.
    expect(await Promise.all(stopped)).toHaveLength(2);

    const unwanted = startWorkers(1, { asOf: AS_OF });
    const gone = exited(unwanted[0]!);
    expect(await collect(0, unwanted)).toEqual(inline);
    await gone;

    // A heap too small to load wtlint: the thread has died before the run takes it.
    const starved = startWorkers(1, { asOf: AS_OF }, { maxOldGenerationSizeMb: 2 });
    await exited(starved[0]!);
    expect(starved[0]!.early?.error?.code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    expect(await collect(1, starved)).toEqual(inline);
  });
});
