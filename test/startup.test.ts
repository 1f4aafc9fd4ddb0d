// Start-up (the targets and the loading plan in docs/startup.md): the bundle that bin/wtlint.js runs (dist/bundle) gives
// exactly what the tsc output it is built from (dist/src) gives, for check on every document
// format (and, in test/slow/bundle-audit.slow.ts, for audit with worker threads), so the bundle
// cannot drift; and a command loads only what it needs. Needs `npm run build` (as CI runs it before the tests).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { westcombeDocx } from './helpers/word.js';
import { makePdf } from './helpers/pdf.js';
import { reporters } from '../src/report/index.js';
import { auditReporters } from '../src/audit/report/index.js';
import { migrationFormats } from '../src/migrate/format/index.js';
import {
  BANK_HOLIDAYS_FILE,
  BANK_HOLIDAYS_SCHEMA_FILE,
  INFERENCE_FILE,
  INFERENCE_SCHEMA_FILE,
  PHRASES_FILE,
  PHRASES_SCHEMA_FILE,
} from '../src/engine/resources.js';
import { snapshotBankHolidays, snapshotInferenceRules } from '../src/engine/precompiled.js';
import { loadInferenceRules } from '../src/reference/inference-rules.js';
import { loadBankHolidays } from '../src/reference/load.js';
import { compilePack, validatePack } from '../src/pack/load.js';
import { bundledVocabulary } from './helpers.js';
import { setSource } from '../src/pack/phrases.js';
import { BUNDLE, DIST, ROOT as root, runEntry, seen } from './helpers/entries.js';
import { AS_OF } from './helpers.js';
// @ts-expect-error: plain CommonJS without types (the bundle's loader)
import { cacheFileFor } from '../bin/load-bundle.js';

const LOADER = join(root, 'bin/load-bundle.js');

let dir: string;
const run = (entry: string, args: string[]) => runEntry(entry, args, dir);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wtlint-startup-'));
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  writeFileSync(
    join(docs, 'page.html'),
    '<html><body><main><h1>Brookfield yearly report</h1><h2>Funding</h2><p>The partners agreed equitable contributions to the budget.</p></main></body></html>',
  );
  writeFileSync(join(docs, 'page.html.yaml'), 'kind: yearly-report\narea: Brookfield Safeguarding Children Partnership\nedition: 2023\n');
  writeFileSync(join(docs, 'draft.docx'), await westcombeDocx());
  writeFileSync(
    join(docs, 'report.pdf'),
    await makePdf({
      pages: [
        {
          lines: [
            { text: 'Brookfield yearly report', y: 760, size: 20, bold: true },
            { text: 'Funding', y: 720, size: 14, bold: true },
            { text: 'The partners agreed equitable contributions to the budget.', y: 700 },
          ],
        },
      ],
    }),
  );
  writeFileSync(join(docs, 'report.pdf.yaml'), 'kind: yearly-report\narea: Brookfield Safeguarding Children Partnership\nedition: 2023\n');
  writeFileSync(join(docs, 'notes.md'), readFileSync(join(root, 'examples/northshire/arrangements.md')));
  writeFileSync(
    join(docs, 'facts.yaml'),
    'kind: yearly-report\narea: Eastfield Safeguarding Children Partnership\nedition: 2023\npublished: 2025-09-30\n',
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundle gives what dist/src gives', () => {
  it('check: Markdown, YAML, HTML with its sidecar, Word and PDF, as JSON', () => {
    const args = ['check', 'docs', '-f', 'json', '--as-of', AS_OF];
    const bundled = run(BUNDLE, args);
    const unbundled = run(DIST, args);
    expect(bundled.status).toBe(1);
    const files = (JSON.parse(bundled.stdout) as { documents: { file: string; kind: string }[] }).documents.map((d) => [d.file, d.kind]);
    expect(files).toEqual([
      ['docs/draft.docx', 'arrangements'],
      ['docs/facts.yaml', 'yearly-report'],
      ['docs/notes.md', 'arrangements'],
      ['docs/page.html', 'yearly-report'],
      ['docs/report.pdf', 'yearly-report'],
    ]);
    expect(seen(bundled)).toEqual(seen(unbundled));
    // The bundle is self-contained: no ES module but the entry (mammoth, for .docx, and PDF.js, for .pdf, stay packages),
    // and the PDF reader's worker thread, bundled beside it. bin/ is CommonJS: its loader is required, not imported.
    const own = bundled.loads.filter((file) => !/^node_modules\/(?:mammoth|pdfjs-dist)\//.test(file));
    expect(own.filter((file) => !/^dist\/bundle\/worker\/chunk-\w+\.js$/.test(file))).toEqual([
      'bin/wtlint.js',
      'dist/bundle/pdf-worker.js',
    ]);
    expect(bundled.loads).toContain('node_modules/pdfjs-dist/legacy/build/pdf.mjs');
  });

  it('--version and -v alone: what the CLI prints, answered by bin/wtlint.js without the bundle', () => {
    for (const flag of ['--version', '-v']) expect(seen(run(BUNDLE, [flag]))).toEqual(seen(run(DIST, [flag])));
    expect(run(BUNDLE, ['--version']).stdout).toBe(
      `${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version}\n`,
    );
    // With anything else on the line, commander answers as before (the bundle is loaded).
    expect(seen(run(BUNDLE, ['--version', '--debug']))).toEqual(seen(run(DIST, ['--version', '--debug'])));
  });

  it('a fresh process uses the code cache the build made', () => {
    const probe = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { loadBundle } from ${JSON.stringify(pathToFileURL(LOADER).href)}; process.stdout.write(loadBundle().cache);`,
      ],
      { encoding: 'utf8' },
    );
    expect(probe.stdout).toBe('accepted');
  });

  it('the built bundle is ASCII, so a start reads it without decoding UTF-8', () => {
    const bundle = readFileSync(join(root, 'dist/bundle/wtlint.cjs'));
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  it("names the cache by the hash on the bundle's first line, so a rebuilt bundle never meets an old cache", () => {
    expect(cacheFileFor('/x/dist/bundle/wtlint.cjs', '// wtlint bundle 0123abcd\n"use strict";')).toBe(
      '/x/dist/bundle/wtlint-0123abcd.v8cache',
    );
    expect(cacheFileFor('/x/dist/bundle/wtlint.cjs', '"use strict";')).toBeUndefined();
  });
  // audit with worker threads: test/slow/bundle-audit.slow.ts (npm run test:slow).
});

describe('bin/wtlint.js exits as soon as its output is written', () => {
  it('with the whole output, through a pipe its reader empties slowly, and the exit code', async () => {
    const args = [join(root, 'bin/wtlint.js'), 'check', 'examples', '-f', 'json', '--as-of', AS_OF];
    const expected = spawnSync(process.execPath, [...args, '-o', join(dir, 'examples.json')], { cwd: root });
    expect(expected.status).toBe(1);
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    // More than a pipe holds (~64 KB), read late: on Linux a pipe write blocks until read; where
    // it does not (macOS), exiting before the write callbacks would cut the report short.
    child.stdout.pause();
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    setTimeout(() => child.stdout.resume(), 300);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const output = Buffer.concat(chunks).toString('utf8');
    expect(output.length).toBeGreaterThan(100_000);
    expect(output).toBe(readFileSync(join(dir, 'examples.json'), 'utf8'));
    expect(code).toBe(1);
  });
});

describe('a command loads only what it needs (seen in dist/src, one file per module)', () => {
  const ours = (loads: string[]) => loads.filter((file) => file.startsWith('dist/src/')).map((file) => file.slice('dist/src/'.length));

  it('--version: commander and the option lists, no command, reporter or pack', () => {
    const r = run(DIST, ['--version']);
    expect(r.stdout).toBe(`${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    // Which modules, not their order: ES modules load concurrently, and on a busy machine they finish in any order.
    expect(ours(r.loads).sort()).toEqual(
      [
        'cli/main.js',
        'cli/outputs.js',
        'report/index.js',
        'audit/report/index.js',
        'migrate/format/index.js',
        'engine/errors.js',
        'pack/errors.js',
        'engine/package-root.js',
      ].sort(),
    );
  });

  it('check -f json: the json reporter and its piece writer only (and the registries, which list the names), nothing of audit, migrate or the converters', () => {
    const r = run(DIST, ['check', 'docs/notes.md', '-f', 'json', '--as-of', AS_OF]);
    expect(r.status).toBe(0);
    const loaded = ours(r.loads);
    expect(loaded.filter((file) => /^(report|audit|migrate)\/|^convert|^parse\/(html|docx|pdf)|^engine\/pdf/.test(file))).toEqual([
      'report/index.js',
      'audit/report/index.js',
      'migrate/format/index.js',
      'report/summary.js',
      'report/json.js',
      'report/json-pieces.js',
    ]);
    expect(r.loads.filter((file) => file.includes('pdfjs-dist'))).toEqual([]);
  });
});

describe('the registries main.ts lists the formats from: name → loader, no reporter loaded until asked', () => {
  it('name every format of each family, in order', () => {
    expect([Object.keys(reporters), Object.keys(auditReporters), Object.keys(migrationFormats)]).toEqual([
      ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab', 'markdown', 'html'],
      ['terminal', 'csv', 'json', 'html'],
      ['stylish', 'json', 'markdown'],
    ]);
  });

  it('each loader loads the reporter of its name from the file of its name', async () => {
    type Modules = Record<string, Record<string, unknown>>;
    const files = {
      ...import.meta.glob('../src/report/*.ts', { eager: true }),
      ...import.meta.glob('../src/audit/report/*.ts', { eager: true }),
      ...import.meta.glob('../src/migrate/format/*.ts', { eager: true }),
    } as Modules;
    const loads = async (registry: Record<string, () => Promise<unknown>>, folder: string, exportOf: (name: string) => string) => {
      for (const [name, load] of Object.entries(registry))
        expect([name, await load()]).toEqual([name, files[`../src/${folder}/${name}.ts`]![exportOf(name)]]);
    };
    await loads(reporters, 'report', (name) => name);
    await loads(auditReporters, 'audit/report', (name) => `${name}Stream`);
    await loads(migrationFormats, 'migrate/format', (name) => name);
  });
});

describe('the bank holiday snapshot (dist/precompiled, made by npm run build)', () => {
  const text = readFileSync(join(root, BANK_HOLIDAYS_FILE), 'utf8');
  const schemaText = readFileSync(join(root, BANK_HOLIDAYS_SCHEMA_FILE), 'utf8');

  it('is the calendar validated from the current texts', () => {
    expect(snapshotBankHolidays(text, schemaText)).toEqual(loadBankHolidays(text, BANK_HOLIDAYS_FILE, JSON.parse(schemaText) as object));
  });

  it('is not used once the calendar or its schema changes', () => {
    expect(snapshotBankHolidays(`${text}\n# edited\n`, schemaText)).toBeUndefined();
    expect(snapshotBankHolidays(text, `${schemaText} `)).toBeUndefined();
  });
});

describe('the inference rules snapshot (dist/precompiled, made by npm run build)', () => {
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const [text, schemaText] = [read(INFERENCE_FILE), read(INFERENCE_SCHEMA_FILE)];
  const phrases = { text: read(PHRASES_FILE), schemaText: read(PHRASES_SCHEMA_FILE) };

  it('is the rules validated from the current texts, their named phrase sets put in place', () => {
    const snapshot = snapshotInferenceRules(text, schemaText, phrases);
    expect(snapshot).toEqual(loadInferenceRules(text, INFERENCE_FILE, JSON.parse(schemaText) as object, bundledVocabulary()));
    expect(JSON.stringify(snapshot)).not.toContain('"set"');
  });

  it('is not used once the rules, their schema or the phrase sets they name change', () => {
    expect(snapshotInferenceRules(`${text}\n# edited\n`, schemaText, phrases)).toBeUndefined();
    expect(snapshotInferenceRules(text, `${schemaText} `, phrases)).toBeUndefined();
    expect(snapshotInferenceRules(text, schemaText, { ...phrases, text: `${phrases.text}\n# edited\n` })).toBeUndefined();
  });
});

describe('pack detection is compiled on first use', () => {
  const file = 'rules/wt2023.yaml';
  const vocabulary = bundledVocabulary();
  const pack = validatePack(
    readFileSync(join(root, file), 'utf8'),
    file,
    JSON.parse(readFileSync(join(root, 'schemas/rule-pack.schema.json'), 'utf8')) as object,
    vocabulary,
  );

  it('so a pack costs nothing until a document of its edition reads it', () => {
    const r = pack.rules.findIndex((rule) => rule.detect);
    const brokenVocabulary = {
      phrases: {
        ...vocabulary.phrases,
        broken: { about: 'A set whose pattern does not compile.', match: [{ pattern: '(', why: 'to break' }] },
      },
    };
    const broken = { ...pack, rules: pack.rules.map((rule, i) => (i === r ? { ...rule, detect: { headings: ['broken'] } } : rule)) };
    const compiled = compilePack(broken, file, brokenVocabulary);
    expect(compiled.rules.length).toBe(pack.rules.length);
    expect(() => compiled.rules[r]!.detection).toThrow(SyntaxError);
  });

  it('and, once read, is kept', () => {
    const compiled = compilePack(pack, file, vocabulary);
    const rule = compiled.rules.find((x) => x.detect)!;
    expect(rule.detection).toBe(rule.detection);
    expect(rule.detection!.headings.map(String)).toEqual(
      rule.detect!.headings!.map((h) => String(new RegExp(setSource(vocabulary.phrases[h]!), 'iu'))),
    );
    expect(compiled.migration.map((m) => m.detection === null)).toEqual(compiled.migration.map(() => false));
  });
});
