// Performance without timing absolute speed: detection grows linearly with the document (a
// document 4× the size takes well under 8× the time, also for the shapes that could hide a
// quadratic step), and the build-time snapshots behave exactly like run-time compilation.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledLinter, documentSchemaTexts, loadDocumentSchemas, PACK_IDS } from '../src/engine/resources.js';
import { snapshotPack, snapshotVocabulary, precompiledValidator } from '../src/engine/precompiled.js';
import { validatePack, compilePack } from '../src/pack/load.js';
import { withSources } from '../src/pack/phrases.js';
import { createLinter } from '../src/lint.js';
import { anyOf } from '../src/extract/detection.js';
// @ts-expect-error: a plain ESM script without types (the bench's corpus generator)
import { loadSections, makeDocument } from './bench/corpus.mjs';
import { AS_OF, bundledVocabulary } from './helpers.js';

const root = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** CPU time of one lint, the best of several runs after a warm-up (robust on a busy machine). */
function lintTime(text: string): number {
  const linter = bundledLinter();
  const source = { path: 'doc.md', text };
  linter.lint(source, { asOf: AS_OF });
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    linter.lint(source, { asOf: AS_OF });
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user + used.system);
  }
  return best;
}

const FRONT = '---\nkind: arrangements\narea: Test Partnership\nedition: 2023\npublished: 2025-01-10\n---\n\n# Test Partnership\n\n';

const shapes: Record<string, (kb: number) => string> = {
  'varied prose (the bench corpus)': (kb) => makeDocument(loadSections(root), 3, 'arrangements', kb * 1024) as string,
  'one long paragraph of many sentences': (kb) =>
    FRONT + 'The partners agree thresholds and fund the partnership; the chair reports to leaders. '.repeat(Math.ceil((kb * 1024) / 88)),
  'one long table': (kb) =>
    `${FRONT}| Partner | Contribution |\n| --- | --- |\n` +
    '| Northshire County Council | £226,000 for the business unit |\n'.repeat(Math.ceil((kb * 1024) / 60)),
  'deeply nested headings': (kb) =>
    FRONT +
    Array.from(
      { length: Math.ceil((kb * 1024) / 120) },
      (_, i) => `${'#'.repeat(2 + (i % 5))} Section ${i}\n\nText under section ${i} about funding.\n\n`,
    ).join(''),
};

describe('detection grows linearly with the document', () => {
  for (const [shape, make] of Object.entries(shapes)) {
    it(`${shape}: 4× the size takes < 8× the time`, () => {
      const small = lintTime(make(12));
      const large = lintTime(make(48));
      expect(large / small).toBeLessThan(8);
    });
  }
});

describe('build-time snapshots (dist/precompiled, made by npm run build)', () => {
  const packSchemaText = read('schemas/rule-pack.schema.json');
  const phrases = { text: read('rules/phrases.yaml'), schemaText: read('schemas/phrases.schema.json') };
  const vocabulary = bundledVocabulary();

  it('each pack snapshot is the pack validated from its current text', () => {
    for (const id of PACK_IDS) {
      const text = read(`rules/${id}.yaml`);
      expect(snapshotPack(id, text, packSchemaText, phrases)).toEqual(
        validatePack(text, `rules/${id}.yaml`, JSON.parse(packSchemaText), vocabulary),
      );
    }
    expect(snapshotVocabulary(phrases)).toEqual(withSources(vocabulary));
  });

  it('a snapshot is not used once the pack, the pack schema or the phrase sets change', () => {
    const text = read('rules/wt2023.yaml');
    expect(snapshotPack('wt2023', `${text}\n# edited\n`, packSchemaText, phrases)).toBeUndefined();
    expect(snapshotPack('wt2023', text, `${packSchemaText} `, phrases)).toBeUndefined();
    expect(snapshotPack('wt2023', text, packSchemaText, { ...phrases, text: `${phrases.text}\n# edited\n` })).toBeUndefined();
    expect(snapshotVocabulary({ ...phrases, text: `${phrases.text}\n# edited\n` })).toBeUndefined();
    expect(snapshotPack('wt9999', text, packSchemaText, phrases)).toBeUndefined();
  });

  it('a precompiled validator is not used once its schema changes', () => {
    const texts = documentSchemaTexts(['2023']);
    expect(typeof precompiledValidator('2023/arrangements', texts.shared, texts.byKind['2023/arrangements']!)).toBe('function');
    expect(precompiledValidator('2023/arrangements', texts.shared, `${texts.byKind['2023/arrangements']!} `)).toBeUndefined();
    expect(precompiledValidator('2023/arrangements', [`${texts.shared[0]!} `], texts.byKind['2023/arrangements']!)).toBeUndefined();
  });

  it('precompiled validators give the same results as Ajv compiling at run time', () => {
    const packs = PACK_IDS.map((id) =>
      compilePack(
        validatePack(read(`rules/${id}.yaml`), `rules/${id}.yaml`, JSON.parse(packSchemaText), vocabulary),
        `rules/${id}.yaml`,
        vocabulary,
      ),
    );
    const schemas = loadDocumentSchemas(packs.map((p) => p.edition));
    const withSnapshots = createLinter(packs, schemas);
    const atRunTime = createLinter(packs, { shared: schemas.shared, byKind: schemas.byKind });
    const documents = readdirSync(join(root, 'examples'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(md|ya?ml)$/.test(f) && !f.endsWith('README.md'))
      .map((f) => ({ path: f, text: read(join('examples', f)) }));
    documents.push({
      path: 'bad.md',
      text: '---\nkind: arrangements\nedition: 2023\npublished: 2025-02-30\npartners: seven\nfunding: { total: lots }\nunknown_key: 1\n---\n\n# Bad\n',
    });
    const schemaFindings = (linter: typeof atRunTime) =>
      documents.map((d) => linter.lint(d, { asOf: AS_OF }).findings.filter((f) => f.messageId === 'invalid'));
    const expected = schemaFindings(atRunTime);
    expect(expected.at(-1)!.map((f) => f.message)).toEqual([
      '`published` must be a real calendar date written YYYY-MM-DD',
      '`partners` must be array',
      '`funding.total` must be number',
      'Unknown key `unknown_key` in the document',
    ]);
    expect(schemaFindings(withSnapshots)).toEqual(expected);
    expect(documents.map((d) => withSnapshots.lint(d, { asOf: AS_OF }))).toEqual(documents.map((d) => atRunTime.lint(d, { asOf: AS_OF })));
  });
});

describe('anyOf: one regex for "some pattern matches"', () => {
  it('matches exactly where one of the patterns does', () => {
    const any = anyOf(['\\bfund', '^chair$', 'scrutin(?:y|eer)']);
    expect(['funding', 'the Chair', 'chair', 'independent scrutineer', 'refund', ''].map((t) => any.test(t))).toEqual([
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
  });
  it('never matches with no patterns; keeps back-references as a list', () => {
    expect(anyOf([]).test('anything')).toBe(false);
    const backref = anyOf(['(a)\\1', 'zz']);
    expect(['aa', 'a', 'zz'].map((t) => backref.test(t))).toEqual([true, false, true]);
  });
});
