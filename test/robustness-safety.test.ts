// Issue 6, part 4: safety. Prototype keys cannot pollute objects; nothing in a document
// or a config is executed or fetched; input files are never written by any command.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filesUnder, linter, OPTIONS, positions, root } from './robustness/helpers.js';
import { runCli } from './robustness/cli.js';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
function expectPristinePrototypes(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.keys(Array.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBe(undefined);
}

const dir = mkdtempSync(join(tmpdir(), 'wtlint-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prototype keys in front matter', () => {
  const cases: [string, string, string | null][] = [
    ['__proto__ at the top', '__proto__: {kind: arrangements, polluted: 1}\n', null],
    [
      'constructor.prototype',
      'kind: arrangements\nedition: 2023\nconstructor: {prototype: {polluted: 1}}\nprototype: {polluted: 1}\n',
      'arrangements',
    ],
    [
      '__proto__ in a list item',
      'kind: arrangements\nedition: 2023\npartners:\n  - __proto__: {type: police, polluted: 1}\n    name: X\n',
      'arrangements',
    ],
    [
      '__proto__ through an alias',
      'kind: arrangements\nedition: 2023\nbase: &b {__proto__: {polluted: 1}}\nx: *b\ny: {<<: *b}\n',
      'arrangements',
    ],
    [
      '__proto__ as a JSON-style key',
      '{"kind": "arrangements", "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}\n',
      'arrangements',
    ],
  ];
  for (const [name, yaml, kind] of cases) {
    it(`${name}: no pollution, and the key is data, not a prototype`, () => {
      for (const [path, text] of [
        ['doc.yaml', yaml],
        ['doc.md', `---\n${yaml}---\n# Title\n`],
      ] as const) {
        const result = linter.lint({ path, text }, OPTIONS);
        expect(result.kind).toBe(kind);
        expectPristinePrototypes();
      }
    });
  }

  it('__proto__ does not smuggle in a kind: the document has none', () => {
    expect(positions(linter.lint({ path: 'doc.yaml', text: '__proto__: {kind: arrangements}\n' }, OPTIONS))).toEqual([
      { ruleId: 'document-kind', messageId: 'missing', line: 1, column: 1 },
    ]);
  });

  it('prototype keys in the config are rejected with their place, and pollute nothing', async () => {
    const cfg = join(dir, 'cfg');
    mkdirSync(cfg);
    writeFileSync(join(cfg, 'doc.md'), '---\nkind: arrangements\n---\n# A\n');
    const cases: [string, string][] = [
      ['rules:\n  __proto__: off\n', 'wtlint: wtlint.config.yaml:2:3 '],
      ['limits:\n  __proto__: {maxDepth: 1}\n', 'wtlint: wtlint.config.yaml:2:3 '],
      ['constructor: {prototype: {polluted: 1}}\n', 'wtlint: wtlint.config.yaml:1:1 '],
    ];
    for (const [config, start] of cases) {
      writeFileSync(join(cfg, 'wtlint.config.yaml'), config);
      const { code, stderr } = await runCli(['check', 'doc.md'], cfg);
      expect([code, stderr.slice(0, start.length)]).toEqual([2, start]);
      expectPristinePrototypes();
    }
  });
});

describe('nothing in a document or config is executed or fetched', () => {
  const spies: { name: string; spy: ReturnType<typeof vi.fn> }[] = [];
  beforeEach(() => {
    const trap = (name: string) => {
      const spy = vi.fn(() => {
        throw new Error(`network use: ${name}`);
      });
      spies.push({ name, spy });
      return spy;
    };
    vi.spyOn(globalThis, 'fetch').mockImplementation(trap('fetch') as never);
    vi.spyOn(http, 'request').mockImplementation(trap('http.request') as never);
    vi.spyOn(http, 'get').mockImplementation(trap('http.get') as never);
    vi.spyOn(https, 'request').mockImplementation(trap('https.request') as never);
    vi.spyOn(https, 'get').mockImplementation(trap('https.get') as never);
    vi.spyOn(net, 'connect').mockImplementation(trap('net.connect') as never);
    vi.spyOn(net, 'createConnection').mockImplementation(trap('net.createConnection') as never);
    vi.spyOn(dns, 'lookup').mockImplementation(trap('dns.lookup') as never);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    spies.length = 0;
  });

  it('URLs, $ref, $schema, YAML tags, HTML and scripts in documents and config', async () => {
    const hostile = join(dir, 'hostile');
    mkdirSync(hostile);
    writeFileSync(
      join(hostile, 'doc.md'),
      [
        '---',
        'kind: !!js/function "function () { globalThis.pwned = 1 }"',
        'area: !<tag:yaml.org,2002:js/undefined> x',
        '$schema: https://example.invalid/schema.json',
        'scrutiny: {$ref: "https://example.invalid/ref.json#/x"}',
        'funding: {$ref: "file:///etc/passwd"}',
        'published: !!timestamp 2024-01-01',
        '---',
        '# Arrangements <script>globalThis.pwned = 1</script>',
        '',
        '![logo](https://example.invalid/logo.png) [guide](https://example.invalid/) <img src="https://example.invalid/x.png" onerror="globalThis.pwned=1">',
        '',
        '[ref]: https://example.invalid/ref',
        '',
        '```js',
        'globalThis.pwned = 1',
        '```',
        '',
        '<iframe src="https://example.invalid"></iframe> {{constructor.constructor("globalThis.pwned=1")()}} ${globalThis.pwned=1}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(hostile, 'doc.yaml'),
      'kind: arrangements\nedition: 2023\n$ref: https://example.invalid/doc.yaml\nhelp: "{{title}} {{constructor}}"\n',
    );
    writeFileSync(join(hostile, 'wtlint.config.yaml'), 'ignore: ["https://example.invalid/**", "$(touch pwned)"]\n');
    const result = await runCli(['check', '.', '-f', 'json'], hostile);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { documents: { file: string }[] }).documents.map((d) => d.file)).toEqual(['doc.md', 'doc.yaml']);
    expect(spies.filter((s) => s.spy.mock.calls.length).map((s) => s.name)).toEqual([]);
    expect((globalThis as Record<string, unknown>).pwned).toBe(undefined);
    expect(filesUnder(hostile).map((f) => relative(hostile, f))).toEqual(['doc.md', 'doc.yaml', 'wtlint.config.yaml']);
  });
});

describe('input files are never written', () => {
  function snapshot(folder: string): Record<string, string> {
    return Object.fromEntries(
      filesUnder(folder).map((f) => [
        relative(folder, f),
        `${createHash('sha256').update(readFileSync(f)).digest('hex')} ${statSync(f).mtimeMs}`,
      ]),
    );
  }

  it('a full run of every command leaves every input byte-for-byte and time-stamp the same', async () => {
    const work = join(dir, 'inputs');
    cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
    cpSync(join(root, 'test/fixtures/prose'), join(work, 'prose'), { recursive: true });
    writeFileSync(join(work, 'wtlint.config.yaml'), 'rules:\n  funding: warning\nlimits:\n  maxDepth: 40\n');
    writeFileSync(join(work, 'arrangements.md'), '---\nkind: arrangements\n---\n# Existing document init must not overwrite\n');
    writeFileSync(join(work, 'broken.md'), '---\nkind: [\n---\n\uFFFD\r\nbad\r');
    const before = snapshot(work);
    const outputs = join(dir, 'outputs');
    mkdirSync(outputs);

    // Every command the CLI has, with its expected exit code: add new commands (audit, …) here.
    const runs: [string[], number][] = [
      [['check', '.', '--as-of', '2026-11-23'], 1],
      [['check', 'examples', 'prose', 'broken.md', '-f', 'json', '--as-of', '2026-11-23'], 1],
      [['check', '.', '-f', 'json', '-o', join(outputs, 'report.json'), '--as-of', '2026-11-23'], 1],
      [['check', '.', '--quiet', '--max-warnings', '0', '--edition', '2018', '--as-of', '2026-11-23'], 1],
      [['check', '-', '--stdin-filename', 'examples/northshire/arrangements.md', '--as-of', '2026-11-23'], 0],
      [['check', 'examples/hartfield/arrangements.yaml', '--config', 'wtlint.config.yaml', '--as-of', '2026-11-23'], 0],
      [
        [
          'check',
          'examples',
          '-f',
          'sarif',
          '-o',
          join(outputs, 'r.sarif'),
          '-f',
          'junit',
          '-o',
          join(outputs, 'r.xml'),
          '-f',
          'gitlab',
          '-o',
          join(outputs, 'r.gl.json'),
          '-f',
          'markdown',
          '-o',
          join(outputs, 'r.md'),
          '-f',
          'github',
          '--as-of',
          '2026-11-23',
        ],
        1,
      ],
      [['baseline', 'examples', '-o', join(outputs, 'baseline.yaml'), '--as-of', '2026-11-23'], 0],
      [['check', 'examples', '--baseline', join(outputs, 'baseline.yaml'), '--as-of', '2026-11-23'], 0],
      [['audit', 'examples', '-f', 'html', '-o', join(outputs, 'audit.html'), '--as-of', '2026-11-23'], 1],
      [['audit', 'examples', '-f', 'json', '-o', join(outputs, 'audit.json'), '--as-of', '2026-11-23'], 1],
      [['merge', join(outputs, 'audit.json'), '-f', 'csv', '-o', join(outputs, 'audit.csv')], 1],
      [['fetch', 'examples/fetch/areas.yaml', '--into', join(outputs, 'fetched'), '--offline'], 1], // offline: no network; no copies yet
      [['migrate', 'examples/eastbrook/arrangements.md', '--to', '2023'], 1],
      [['explain', 'funding'], 0],
      [['explain', 'no-such-rule'], 2],
      [['rules'], 0],
      [['rules', '--json', '--edition', '2023', '--kind', 'arrangements'], 0],
      [['schema', '--kind', 'arrangements', '--edition', '2023'], 0],
      [['init', '--kind', 'arrangements', '--edition', '2023'], 2], // arrangements.md exists: refused
      [['--help'], 0],
    ];
    const stdin = readFileSync(join(work, 'examples/northshire/arrangements.md'));
    const codes: [string, number][] = [];
    for (const [args] of runs) codes.push([args.join(' '), (await runCli(args, work, stdin)).code]);
    expect(codes).toEqual(runs.map(([args, code]) => [args.join(' '), code]));

    expect(snapshot(work)).toEqual(before);
    expect(Object.keys(snapshot(outputs)).sort()).toEqual([
      'audit.csv',
      'audit.html',
      'audit.json',
      'baseline.yaml',
      'fetched/areas.yaml',
      'r.gl.json',
      'r.md',
      'r.sarif',
      'r.xml',
      'report.json',
    ]);
    // init in an empty folder writes its one new file there, and nothing else.
    const fresh = join(dir, 'fresh');
    mkdirSync(fresh);
    expect((await runCli(['init', '--kind', 'yearly-report', '--edition', '2023'], fresh)).code).toBe(0);
    expect(Object.keys(snapshot(fresh))).toEqual(['yearly-report.md']);
  });
});

describe('document text cannot escape into a terminal or a CI log', () => {
  it('control characters, newlines and bidi overrides in quoted values are escaped in messages', () => {
    const text = 'kind: "x\\n::error file=a::pwned\\u001b[31m\\u202e"\n';
    const result = linter.lint({ path: 'doc.yaml', text }, OPTIONS);
    expect(result.findings.map((f) => [f.ruleId, f.messageId, f.line, f.column, f.message])).toEqual([
      [
        'document-kind',
        'unknown',
        1,
        1,
        '`kind: x\\u{a}::error file=a::pwned\\u{1b}[31m\\u{202e}` is not a document kind wtlint knows; expected arrangements, yearly-report, cdr-arrangements, cdr-report',
      ],
    ]);
  });

  it('a file name with a newline and an escape cannot start a workflow command in stylish output', async () => {
    const named = join(dir, 'named');
    mkdirSync(named);
    writeFileSync(join(named, 'a\n::error::pwned\u001b[2J.md'), '---\nkind: arrangements\n---\n# A\n');
    const { stdout } = await runCli(['check', '.', '--as-of', '2026-11-23'], named);
    expect(stdout.split('\n').filter((line) => /^\s*::|\u001b/.test(line))).toEqual([]);
    expect(stdout.split('\n')[1]).toBe('a\\u{a}::error::pwned\\u{1b}[2J.md  (arrangements, Working Together 2023)');
  });
});
