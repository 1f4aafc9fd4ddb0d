// Rule packs are validated when they load; a mistake names file:line:column and the field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, loadVocabulary, PackError } from '../src/pack/load.js';
import { bundledLinter } from '../src/engine/resources.js';
import { checkKinds } from '../src/check/kinds/index.js';
import { bundledVocabulary } from './helpers.js';

const root = join(import.meta.dirname, '..');
const packSchema = JSON.parse(readFileSync(join(root, 'schemas/rule-pack.schema.json'), 'utf8')) as object;
const HEAD = 'pack: test\nedition: "2030"\ntitle: Test\nsource: nowhere\nin_force: { from: 2030-01-01 }\nplaceholders: {}\nrules:\n';
const RULE =
  '  - element: funding\n    applies_to: [arrangements]\n    severity: error\n    title: Funding\n    citation: somewhere\n    help: Add it.\n    why: Because.\n';

const phrasesSchema = JSON.parse(readFileSync(join(root, 'schemas/phrases.schema.json'), 'utf8')) as object;
const vocabulary = bundledVocabulary();

function packError(text: string): string {
  return errorOf(() => loadPack(text, 'rules/test.yaml', packSchema, vocabulary));
}

function phrasesError(text: string): string {
  return errorOf(() => loadVocabulary(text, 'rules/phrases.yaml', phrasesSchema));
}

function errorOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof PackError) return error.message;
    throw error;
  }
  throw new Error('the pack loaded');
}

describe('pack validation', () => {
  it('an unknown check kind lists the known ones', () => {
    expect(packError(`${HEAD}${RULE}    checks:\n      - kind: presnt\n`)).toBe(
      `rules/test.yaml:16:9 rules[0].checks[0].kind: unknown kind "presnt"; expected one of ${Object.keys(checkKinds).join(', ')}`,
    );
  });
  it('a bad severity is reported at its line', () => {
    expect(packError(`${HEAD}${RULE.replace('severity: error', 'severity: fatal')}    checks:\n      - kind: schema\n`)).toBe(
      'rules/test.yaml:10:5 rules[0].severity: `rules.0.severity` must be one of "error", "warning", "info"',
    );
  });
  it('a missing citation is reported at the rule', () => {
    expect(packError(`${HEAD}${RULE.replace('    citation: somewhere\n', '')}    checks:\n      - kind: schema\n`)).toBe(
      'rules/test.yaml:8:5 rules[0]: `rules.0` is missing the required key `citation`',
    );
  });
  it('bad check options are reported at the option', () => {
    expect(
      packError(
        `${HEAD}${RULE}    checks:\n      - kind: deadline\n        field: /published\n        what: Publication\n        by: 2019-02-30\n`,
      ),
    ).toBe('rules/test.yaml:19:9 rules[0].checks[0].by: `by` must be a real calendar date written YYYY-MM-DD');
  });
  it('an unknown phrase set is reported where the pack names it, with a near name', () => {
    expect(
      packError(
        `${HEAD}${RULE}    detect:\n      headings: [funding-headings]\n      sentences:\n        - all: [mony, police]\n    checks:\n      - kind: present\n`,
      ),
    ).toBe(
      'rules/test.yaml:18:17 rules[0].detect.sentences[0].all[0]: unknown phrase set "mony" (did you mean "money"?); define it in rules/phrases.yaml or correct the name',
    );
    expect(
      packError(
        `${HEAD.replace('placeholders: {}', 'placeholders: { short: 240, phrases: [to-be-confirmed] }')}${RULE}    checks:\n      - kind: schema\n`,
      ),
    ).toBe(
      'rules/test.yaml:6:39 placeholders.phrases[0]: unknown phrase set "to-be-confirmed"; define it in rules/phrases.yaml or correct the name',
    );
  });
  it('a set name that is not a name, and the old regex form, are rejected by the schema', () => {
    expect(packError(`${HEAD}${RULE}    detect:\n      headings: ["\\\\bfunding"]\n    checks:\n      - kind: present\n`)).toMatch(
      /^rules\/test\.yaml:16:18 rules\[0\]\.detect\.headings\[0\]: /,
    );
    expect(packError(`${HEAD.replace('placeholders: {}', 'placeholders: ["^tbc$"]')}${RULE}    checks:\n      - kind: schema\n`)).toBe(
      'rules/test.yaml:6:1 placeholders: `placeholders` must be object',
    );
  });
  it('a present check without detection data, and a duplicate element, are rejected', () => {
    expect(packError(`${HEAD}${RULE}    checks:\n      - kind: present\n`)).toBe(
      'rules/test.yaml:8:5 rules[0]: a `present` check needs `detect` data',
    );
    const rule = `${RULE}    checks:\n      - kind: schema\n`;
    expect(packError(`${HEAD}${rule}${rule}`)).toBe(
      'rules/test.yaml:17:5 rules[1].element: element "funding" is defined twice for kind arrangements',
    );
  });
  it('a phrase that does not parse, and a raw pattern that does not compile, name their line in the phrase file', () => {
    expect(phrasesError('phrases:\n  money:\n    about: Money.\n    match:\n    - funding\n    - (paid|pays for\n')).toBe(
      'rules/phrases.yaml:6:7 phrases.money.match[1]: invalid phrase "(paid|pays for": the "(" at character 1 is not closed by ")"',
    );
    expect(phrasesError('phrases:\n  money:\n    about: Money.\n    match:\n    - pattern: "£(\\\\d"\n      why: figures\n')).toMatch(
      /^rules\/phrases\.yaml:5:7 phrases\.money\.match\[0\]\.pattern: invalid pattern "£\(.*Unterminated group$/,
    );
    expect(phrasesError('phrases:\n  money:\n    match: [funding]\n')).toBe(
      'rules/phrases.yaml:2:3 phrases.money: `phrases.money` is missing the required key `about`',
    );
    expect(phrasesError('phrases:\n  money:\n    about: Money.\n    match:\n    - pattern: "£\\\\d"\n')).toMatch(
      /^rules\/phrases\.yaml:5:7 phrases\.money\.match\[0\]/,
    );
  });
  it('broken YAML in a pack names its position', () => {
    expect(packError('pack: [x\n')).toMatch(/^rules\/test\.yaml:2:1 \(yaml\): YAML error/);
  });
});

describe('the bundled packs', () => {
  const packs = bundledLinter().packs;
  // The project's own catalogue (docs/requirements.md): one row per element, a severity column per edition.
  const requirements = readFileSync(join(root, 'docs', 'requirements.md'), 'utf8');
  const table = (heading: string, kind: string) => {
    const section = requirements.split(heading)[1]!.split('\n## ')[0]!;
    return [...section.matchAll(/^\| `([a-z-]+)` \| (error|warning|info|—) \| (error|warning|info|—) \|/gm)].map((m) => ({
      kind,
      id: m[1]!,
      severity: { '2018': m[2]!, '2023': m[3]! } as Record<string, string>,
    }));
  };
  const catalogue = [
    ...table('## Published arrangements', 'arrangements'),
    ...table('## Yearly report', 'yearly-report'),
    ...table('## Child death review arrangements', 'cdr-arrangements'),
    ...table('## Child death review report', 'cdr-report'),
  ];

  it('reads the requirements catalogue', () => {
    expect([catalogue.length, catalogue.filter((r) => r.kind === 'arrangements').length]).toEqual([51, 21]);
  });
  for (const pack of packs) {
    it(`${pack.pack} covers exactly the catalogue's elements for its edition, each detected, at the catalogue's severity`, () => {
      const expected = catalogue
        .filter((r) => r.severity[pack.edition] !== '—')
        .map((r) => `${r.kind} ${r.id} ${r.severity[pack.edition]}`)
        .sort();
      const detected = pack.rules
        .filter((r) => r.detect)
        .flatMap((r) => r.applies_to.map((k) => `${k} ${r.element} ${r.severity}`))
        .sort();
      expect(detected).toEqual(expected);
    });
  }
});

describe('every element rule documents itself with an example that satisfies it', () => {
  const linter = bundledLinter();
  for (const pack of linter.packs) {
    for (const rule of pack.rules.filter((r) => r.detect)) {
      for (const kind of rule.applies_to) {
        it(`${rule.ruleId} (${kind})`, () => {
          expect(rule.example, 'every element rule has an example for `wtlint explain`').toBeTypeOf('string');
          const text = `---\nkind: ${kind}\nedition: ${pack.edition}\n---\n# Example\n\n${rule.example}`;
          if (rule.in_force) {
            // Not yet in force: no status; with --upcoming, an example that meets it draws no finding.
            const result = linter.lint({ path: 'example.md', text }, { asOf: '2026-11-23', upcoming: true });
            expect(result.findings.filter((f) => f.ruleId === rule.ruleId)).toEqual([]);
            return;
          }
          const result = linter.lint({ path: 'example.md', text }, { asOf: '2026-11-23' });
          expect(result.elements[rule.element]).toBe('present');
        });
      }
    }
  }
});
