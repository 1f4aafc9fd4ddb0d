// Reserved findings' messages (src/reserved.ts): every id a rule declares is said somewhere, and
// no message wtlint produces, from the fixtures or from bad input, keeps a {{placeholder}}.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED } from '../src/reserved.js';
import { applyBaseline } from '../src/baseline.js';
import { bundledLinter } from '../src/engine/resources.js';
import type { DocumentResult, Finding } from '../src/types.js';
import { AS_OF } from './helpers.js';

const root = join(import.meta.dirname, '..');
const filesUnder = (dir: string, ext: RegExp): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, ext) : ext.test(name) ? [full] : [];
  });

/** The code that makes findings: everything under src/ but the catalogue itself. */
const code = filesUnder(join(root, 'src'), /\.ts$/)
  .filter((file) => relative(root, file) !== join('src', 'reserved.ts'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

const rules = Object.values(RESERVED);
const declared = new Map<string, Set<string>>(rules.map((rule) => [rule.ruleId, new Set(Object.keys(rule.messages))]));

/** Problems with a finding's message: a placeholder left unfilled, or a reserved id its rule does not declare. */
function messageProblems(findings: Finding[]): string[] {
  return findings.flatMap((f) => [
    ...(/\{\{|\}\}/.test(f.message) ? [`${f.ruleId}/${f.messageId}: unfilled placeholder in ${JSON.stringify(f.message)}`] : []),
    ...(declared.has(f.ruleId) && !declared.get(f.ruleId)!.has(f.messageId) ? [`${f.ruleId}/${f.messageId}: not declared`] : []),
  ]);
}

describe('the reserved rules declare their messages', () => {
  it('every message id is passed by some call site', () => {
    const unused = rules.flatMap((rule) =>
      Object.keys(rule.messages)
        .filter((id) => !code.includes(`'${id}'`))
        .map((id) => `${rule.ruleId}/${id}`),
    );
    expect(unused).toEqual([]);
  });

  it('every wording of an id is chosen by some call site (read errors by their code)', () => {
    const unused = rules.flatMap((rule) =>
      Object.entries(rule.messages).flatMap(([id, wording]) =>
        typeof wording === 'string'
          ? []
          : Object.keys(wording)
              // `unreadable`'s wordings named by a Node error code are chosen by the code the error carries.
              .filter((variant) => !(id === 'unreadable' && /^E[A-Z]+$/.test(variant)) && !code.includes(`'${variant}'`))
              .map((variant) => `${rule.ruleId}/${id} (${variant})`),
      ),
    );
    expect(unused).toEqual([]);
  });

  it('every template names its data as {{name}}, with no other braces a fill could miss', () => {
    const templates = rules.flatMap((rule) =>
      Object.values(rule.messages).flatMap((wording: string | Record<string, string>) =>
        typeof wording === 'string' ? [wording] : Object.values(wording),
      ),
    );
    expect(templates.filter((t) => /[{}]/.test(t.replace(/\{\{\w+\}\}/g, '')))).toEqual([]);
  });
});

describe('no message keeps a placeholder', () => {
  const linter = bundledLinter();
  const options = { asOf: AS_OF };
  const encode = (text: string) => new TextEncoder().encode(text);
  const ids = (result: DocumentResult) => result.findings.filter((f) => declared.has(f.ruleId)).map((f) => `${f.ruleId}/${f.messageId}`);

  it('in every fixture and example document', () => {
    const documents = [
      ...filesUnder(join(root, 'test', 'fixtures'), /\.(?:md|ya?ml)$/),
      ...filesUnder(join(root, 'examples'), /\.(?:md|ya?ml)$/),
    ].filter((file) => !/[\\/]rules[\\/]/.test(file));
    expect(documents.length).toBeGreaterThan(30);
    const problems = documents.flatMap((file) =>
      messageProblems(linter.lint({ path: relative(root, file), text: readFileSync(file, 'utf8') }, options).findings),
    );
    expect(problems).toEqual([]);
  });

  // Each bad input with the reserved findings it must give: the messages are read for placeholders.
  const BAD_TEXT: [string, string, string[], object?][] = [
    ['page.html', '<p>x</p>', ['parse-error/needs-conversion']],
    ['empty.md', ' \n', ['parse-error/empty']],
    ['long.md', `# ${'x'.repeat(40)}`, ['parse-error/line-too-long'], { limits: { maxLineLength: 20 } }],
    ['deep.md', `${'> '.repeat(12)}x`, ['parse-error/too-deep'], { limits: { maxDepth: 5 } }],
    ['deep.yaml', 'a: [[[[[[1]]]]]]', ['parse-error/too-deep'], { limits: { maxDepth: 3 } }],
    ['syntax.yaml', 'a: b: c', ['parse-error/yaml-syntax']],
    ['twice.yaml', 'kind: arrangements\nkind: yearly-report', ['parse-error/yaml-syntax']],
    ['list.yaml', '- 1\n- 2', ['parse-error/not-a-mapping']],
    ['word.yaml', 'hello', ['parse-error/not-a-mapping']],
    ['laughs.yaml', 'a: &x [1, 2]\nb: [*x, *x, *x]', ['parse-error/too-many-aliases'], { limits: { maxAliases: 2 } }],
    ['loop.yaml', 'a: &x [1, *x]', ['parse-error/recursive-alias']],
    ['many.yaml', 'kind: arrangements\n---\nb: 2\n---\nc: 3', ['parse-error/too-many-documents'], { limits: { maxDocuments: 2 } }],
    ['nokind.md', '---\narea: Northshire\n---\n# Hello\n', ['document-kind/missing']],
    ['badkind.md', '---\nkind: leaflet\nedition: 1999\n---\n# Hello\n', ['document-kind/unknown', 'document-edition/unknown']],
    [
      'directives.md',
      '---\nkind: arrangements\n---\n<!-- wtlint-frobnicate -->\n<!-- wtlint-disable nothing -->\n<!-- wtlint-disable -->\n<!-- wtlint-disable-line funding, vcse -->\n',
      [
        'disable-directive/unknown-directive',
        'disable-directive/unknown-rule',
        'disable-directive/missing-reason',
        'disable-directive/missing-reason',
        'disable-directive/missing-reason',
        'disable-directive/unused',
        'disable-directive/unused',
      ],
      { reportUnusedDisables: true, requireDisableReason: true },
    ],
  ];
  it.each(BAD_TEXT)('%s', (path, text, expected, extra) => {
    const result = linter.lint({ path, text }, { ...options, ...extra });
    expect([...ids(result)].sort()).toEqual([...expected].sort());
    expect(messageProblems(result.findings)).toEqual([]);
  });

  const BAD_BYTES: [string, Uint8Array, string, object?][] = [
    ['big.md', encode('# abcdef'), 'parse-error/too-large', { maxBytes: 3 }],
    ['nul.md', new Uint8Array([35, 32, 0, 1]), 'parse-error/binary'],
    ['latin1.md', new Uint8Array([35, 32, 0xe9, 10]), 'parse-error/invalid-utf8'],
    ['odd.md', new Uint8Array([0xff, 0xfe, 35, 0, 32]), 'parse-error/invalid-utf16'],
    ['lone.md', new Uint8Array([0xfe, 0xff, 0xdc, 0x00, 0, 35]), 'parse-error/invalid-utf16'],
    ['deep.html', encode(`${'<div>'.repeat(12)}x`), 'parse-error/too-deep', { limits: { maxElementDepth: 5 } }],
    ['blank.html', encode('<nav>Home</nav><script>x()</script>'), 'parse-error/empty'],
    ['zip.docx', encode('not a zip file'), 'parse-error/not-docx'],
    ['big.pdf', encode('%PDF-1.7 and more'), 'parse-error/too-large', { maxBytes: 5 }],
    ['broken.pdf', encode('%PDF-1.7 garbage'), 'parse-error/pdf-corrupt'],
  ];
  it.each(BAD_BYTES)('%s', async (path, bytes, expected, extra) => {
    const result = await linter.lintFileBytes(path, bytes, { ...options, ...extra });
    expect(ids(result)).toEqual([expected]);
    expect(messageProblems(result.findings)).toEqual([]);
  });

  it('a sidecar that is not YAML, placed at the top of its page', async () => {
    const result = await linter.lintFileBytes('page.html', encode('<h1>Arrangements</h1><p>Text.</p>'), {
      ...options,
      sidecar: { path: 'page.html.yaml', text: 'kind: arrangements\nkind: cdr-report' },
    });
    expect(result.findings.map((f) => [f.messageId, f.message])).toEqual([
      ['yaml-syntax', 'YAML error (DUPLICATE_KEY): Map keys must be unique (in page.html.yaml, line 2:1)'],
    ]);
  });

  it('in baseline entries gone stale or expired', () => {
    const finding = {
      ruleId: 'wt2023/funding',
      element: 'funding',
      severity: 'error',
      message: 'm',
      messageId: 'missing',
      line: 1,
      column: 1,
      citation: 'c',
      help: 'h',
    } as const;
    const result = (count: number): DocumentResult => ({
      file: 'a.md',
      kind: null,
      edition: null,
      area: null,
      elements: {},
      evidence: {},
      findings: Array(count).fill(finding),
    });
    const entry = (count: number, until?: string) => ({
      rule: 'wt2023/funding',
      file: 'a.md',
      element: 'funding',
      count,
      reason: 'agreed',
      line: 4,
      ...(until && { until }),
    });
    const findings = [
      ...applyBaseline([result(0)], [entry(2)], AS_OF, 'b.yaml'),
      ...applyBaseline([result(1)], [entry(3)], AS_OF, 'b.yaml'),
      ...applyBaseline([result(2)], [entry(5)], AS_OF, 'b.yaml'),
      ...applyBaseline([result(1)], [entry(1, '2020-01-01')], AS_OF, 'b.yaml'),
      ...applyBaseline([result(3)], [entry(3, '2020-01-01')], AS_OF, 'b.yaml'),
    ].flatMap((r) => r.findings.filter((f) => f.ruleId === 'baseline'));
    expect(findings.map((f) => f.messageId)).toEqual(['stale', 'stale', 'stale', 'expired', 'expired']);
    expect(messageProblems(findings)).toEqual([]);
  });
});
