// wtlint migrate: the checklist from the 2023 pack's `migration` data, each item marked by
// detection over the document; its three formats; and the command's exit codes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledVocabulary } from './helpers.js';
import { Chalk } from 'chalk';
import { bundledLinter } from '../src/engine/resources.js';
import { planMigration } from '../src/migrate/plan.js';
import { migrationFormatters as migrationFormats } from './helpers/registries.js';
import { markdownText } from '../src/escape/markdown.js';
import { run } from '../src/cli/main.js';
import { loadPack } from '../src/pack/load.js';
import type { CliIO } from '../src/cli/io.js';
import { expectGolden } from './helpers/golden.js';

const FILE = 'test/fixtures/deeper/wealdon-arrangements-2018.md';
const linter = bundledLinter();
const wt2023 = linter.packs.find((p) => p.edition === '2023')!;
const editions = linter.packs.map((p) => ({ edition: p.edition, ...p.in_force }));
const plan = planMigration({ path: FILE, text: readFileSync(FILE, 'utf8') }, wt2023, editions, '2026-11-23');
const ctx = { style: new Chalk({ level: 0 }), asOf: '2026-11-23', version: '0.0.0-test' };

describe('planMigration', () => {
  it('lists every item of the 2023 migration data, marked by what the document already says', () => {
    expect(plan.items.map((i) => [i.id, i.status, i.evidence[0]?.line ?? null])).toEqual([
      ['lead-and-delegates', 'todo', null],
      ['partnership-chair', 'partial', 15],
      ['lead-sign-off', 'todo', null],
      ['health-partner', 'todo', null],
      ['education-strategic', 'done', 17],
      ['vcse-and-sports', 'todo', null],
      ['shared-budget', 'done', 7],
      ['budget-costs', 'todo', null],
      ['information-sharing-agreement', 'done', 28],
      ['yearly-report-date', 'partial', 33],
    ]);
    expect([plan.from, plan.to, plan.kind, plan.summary, plan.problems]).toEqual([
      '2018',
      '2023',
      'arrangements',
      { done: 3, partial: 2, todo: 5 },
      [],
    ]);
  });

  it('carries what changed and the citation from the data', () => {
    const chair = plan.items.find((i) => i.id === 'partnership-chair')!;
    expect([chair.title, chair.citation]).toEqual(['Partnership chair', 'Working Together 2023, chapter 2 (the partnership chair)']);
  });

  it('reads front-matter values for items that give them (a YAML-only document)', () => {
    const yaml = [
      'kind: arrangements',
      'edition: 2018',
      'partners:',
      '  - { type: health, name: NHS Wealdon Integrated Care Board }',
      'yearly_report: { where: https://example.org/report, by: 30 September each year }',
      '',
    ].join('\n');
    const result = planMigration({ path: 'a.yaml', text: yaml }, wt2023, editions, '2026-11-23');
    expect(result.items.filter((i) => i.status === 'done').map((i) => [i.id, i.evidence])).toEqual([
      [
        'health-partner',
        [{ via: 'field', text: 'partners.0.name: NHS Wealdon Integrated Care Board', line: 4, column: 21, endLine: 4, endColumn: 25 }],
      ],
      [
        'yearly-report-date',
        [{ via: 'field', text: 'yearly_report.by: 30 September each year', line: 5, column: 53, endLine: 5, endColumn: 55 }],
      ],
    ]);
  });

  it('reports a broken document as a problem, not a crash', () => {
    const broken = planMigration({ path: 'x.md', text: '---\nkind: [arrangements\n---\n\n# X\n' }, wt2023, editions, '2026-11-23');
    expect([broken.problems.length, broken.summary]).toEqual([1, { done: 0, partial: 0, todo: 10 }]);
  });
});

describe('migration formats', () => {
  it('stylish', () => expectGolden('migrate.stylish.txt', migrationFormats.stylish(plan, ctx)));
  it('markdown', () => expectGolden('migrate.markdown.md', migrationFormats.markdown(plan, ctx)));
  it('json', () => {
    const parsed = JSON.parse(migrationFormats.json(plan, ctx)) as { version: number; asOf: string; migration: typeof plan };
    expect([parsed.version, parsed.asOf, parsed.migration]).toEqual([1, '2026-11-23', plan]);
  });
  it("escapes document text in markdown (with the escaper of check's Markdown report)", () => {
    expect(markdownText('<img src=x> [link](y) *a* | `c` & ~d~')).toBe('\\<img src=x\\> \\[link\\](y) \\*a\\* \\| \\`c\\` \\& \\~d\\~');
  });
});

describe('document text in every migration format', () => {
  // A sentence holding a terminal escape sequence and a line break, where the plan quotes it as evidence.
  const hostile = readFileSync(FILE, 'utf8').replace(/^(## Schools and early years)$/m, '$1 \u001b[31mred\u001b[0m\u2028next');
  const quoted = planMigration({ path: 'x\u001b[2J.md', text: hostile }, wt2023, editions, '2026-11-23');
  it.each(['stylish', 'markdown'] as const)('%s shows control characters as \\u{…}, never raw', (format) => {
    const output = migrationFormats[format](quoted, ctx);
    expect(quoted.items.find((i) => i.id === 'education-strategic')!.evidence[0]!.text).toContain('\u001b[31m');
    expect([/[\u0000-\u0009\u000b-\u001f\u2028]/.test(output), output.match(/u\{1b\}/g)?.length]).toEqual([false, 3]);
  });
});

describe('wtlint migrate', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const value: CliIO = {
      cwd: process.cwd(),
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      readStdin: async () => new Uint8Array(),
      isTTY: false,
      today: '2026-11-23',
      env: {},
    };
    return { value, out, err };
  };

  it('exits 1 while items remain, and prints the checklist', async () => {
    const { value, out } = io();
    expect(await run(['migrate', FILE, '--to', '2023', '-f', 'json'], value)).toBe(1);
    expect((JSON.parse(out.join('')) as { migration: { summary: object } }).migration.summary).toEqual({ done: 3, partial: 2, todo: 5 });
  });

  it('exits 2 for an edition without migration data, or a yearly report', async () => {
    const first = io();
    expect(await run(['migrate', FILE, '--to', '2018'], first.value)).toBe(2);
    expect(first.err.join('')).toBe('wtlint: --to "2018" is not an edition wtlint knows\nUse one of: 2023.\n');
    const second = io();
    expect(await run(['migrate', 'test/fixtures/deeper/fenmouth-report-2024-25.md', '--to', '2023'], second.value)).toBe(2);
    expect(second.err.join('')).toBe(
      'wtlint: test/fixtures/deeper/fenmouth-report-2024-25.md is a yearly report; wtlint migrate checks published arrangements\nRun `wtlint check` on the yearly report instead.\n',
    );
  });
});

describe('migration data in a pack', () => {
  it('must name an element that has detection for arrangements', () => {
    const schema = JSON.parse(readFileSync('schemas/rule-pack.schema.json', 'utf8')) as object;
    const source = readFileSync('rules/wt2023.yaml', 'utf8').replace(
      '  element: partnership-chair\n  change:',
      '  element: partnership-chairs\n  change:',
    );
    expect(() => loadPack(source, 'rules/wt2023.yaml', schema, bundledVocabulary())).toThrow(
      /^rules\/wt2023\.yaml:\d+:\d+ migration\[1\]\.element: no rule for arrangements with detection has element "partnership-chairs"$/,
    );
  });
});
