// Bad input never crashes: each case is a finding with a position that says what is wrong.
import { describe, expect, it } from 'vitest';
import { bundledLinter } from '../src/engine/resources.js';
import { AS_OF, lintText, pinned } from './helpers.js';

const lintBytes = (path: string, bytes: Uint8Array) => bundledLinter().lintBytes(path, bytes, { asOf: AS_OF });
const utf8 = (text: string) => new TextEncoder().encode(text);
const parseErrors = (r: ReturnType<typeof lintText>) =>
  r.findings
    .filter((f) => f.ruleId === 'parse-error')
    .map((f) => ({ messageId: f.messageId, line: f.line, column: f.column, message: f.message }));

const GOOD =
  '---\nkind: arrangements\narea: Testshire\nedition: 2023\npublished: 2024-11-01\n---\n# Testshire arrangements\n\n## Funding\n\nEach partner contributes to the shared budget of the partnership.\n';

describe('broken and unusual input', () => {
  it('broken YAML front matter is a parse-error at the line of the fault', () => {
    const result = lintText('a.md', '---\nkind: arrangements\narea: [unclosed\npublished: 2024-11-01\n---\n# Body\n');
    expect(parseErrors(result).map(({ messageId, line }) => ({ messageId, line }))).toEqual([{ messageId: 'yaml-syntax', line: 4 }]);
    expect(result.findings.find((f) => f.ruleId === 'parse-error')!.message).toMatch(/^YAML error \(/);
  });

  it('a tab used for indentation in a YAML file is reported at its line', () => {
    const result = lintText('a.yaml', 'kind: arrangements\nscrutiny:\n\tscrutineer: Someone\n');
    expect(parseErrors(result).map((p) => p.line)).toEqual([3]);
  });

  it('a duplicate key is reported where the second one stands', () => {
    const result = lintText('a.yaml', 'kind: arrangements\narea: One\narea: Two\n');
    expect(parseErrors(result).map(({ messageId, line, column }) => ({ messageId, line, column }))).toEqual([
      { messageId: 'yaml-syntax', line: 3, column: 1 },
    ]);
  });

  it('front matter that is a list, not a mapping, says so', () => {
    const result = lintText('a.yaml', '- kind\n- arrangements\n');
    expect(parseErrors(result)).toEqual([
      {
        messageId: 'not-a-mapping',
        line: 1,
        column: 1,
        message: 'Front matter is a list, expected a mapping of keys such as `kind:` and `area:`',
      },
    ]);
  });

  it('wrong types and impossible dates are schema findings at the offending key', () => {
    const result = lintText(
      'a.md',
      '---\nkind: arrangements\nedition: 2023\npublished: 2024-02-30\nfunding:\n  total: lots\n---\n# Body\n',
    );
    const schema = result.findings
      .filter((f) => f.ruleId === 'wt2023/front-matter')
      .map((f) => ({ line: f.line, column: f.column, message: f.message }));
    expect(schema).toEqual([
      { line: 4, column: 1, message: '`published` must be a real calendar date written YYYY-MM-DD' },
      { line: 6, column: 3, message: '`funding.total` must be number' },
    ]);
  });

  it('an unknown key is named, so a typo does not silently hide a check', () => {
    const result = lintText('a.md', '---\nkind: arrangements\nedition: 2023\nscrutny:\n  methods: audits\n---\n# Body\n');
    expect(result.findings.filter((f) => f.ruleId === 'wt2023/front-matter').map((f) => [f.line, f.message])).toEqual([
      [4, 'Unknown key `scrutny` in the document'],
    ]);
  });

  it('an empty file is one parse-error and nothing else', () => {
    expect(pinned(lintText('a.md', ''))).toEqual([{ ruleId: 'parse-error', messageId: 'empty', severity: 'error', line: 1, column: 1 }]);
    expect(pinned(lintText('a.md', ' \n\n\t\n'))).toEqual([
      { ruleId: 'parse-error', messageId: 'empty', severity: 'error', line: 1, column: 1 },
    ]);
  });

  it('a binary file is a parse-error, not mojibake', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    const result = lintBytes('image.md', bytes);
    expect(pinned(result)).toEqual([{ ruleId: 'parse-error', messageId: 'binary', severity: 'error', line: 3, column: 1 }]);
  });

  it('invalid UTF-8 is a finding at the line and column of the bad byte', () => {
    const bytes = new Uint8Array([...utf8('---\nkind: arrangements\n---\n# Caf'), 0xe9, ...utf8(' menu\n')]);
    const result = lintBytes('a.md', bytes);
    expect(pinned(result)).toEqual([{ ruleId: 'parse-error', messageId: 'invalid-utf8', severity: 'error', line: 4, column: 6 }]);
  });

  it('a file over the size limit is a finding, not read', () => {
    const result = bundledLinter().lintBytes('big.md', new Uint8Array(2048), { asOf: AS_OF, maxBytes: 1024 });
    expect(pinned(result)).toEqual([{ ruleId: 'parse-error', messageId: 'too-large', severity: 'error', line: 1, column: 1 }]);
  });

  it('CRLF, lone CR, a UTF-8 BOM and UTF-16 give the same findings and positions as plain LF', () => {
    const base = bundledLinter().lintBytes('a.md', utf8(GOOD), { asOf: AS_OF });
    const variants = [
      utf8(GOOD.replace(/\n/g, '\r\n')),
      utf8(GOOD.replace(/\n/g, '\r')),
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(GOOD)]),
      new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(GOOD, 'utf16le'))]),
    ];
    for (const bytes of variants) {
      const result = bundledLinter().lintBytes('a.md', bytes, { asOf: AS_OF });
      expect(pinned(result)).toEqual(pinned(base));
      expect(result.elements).toEqual(base.elements);
      expect(result.evidence).toEqual(base.evidence);
    }
    expect(base.evidence.funding).toEqual([
      { via: 'heading', text: 'Funding', line: 9, column: 1 },
      { via: 'sentence', text: 'Each partner contributes to the shared budget of the partnership.', line: 11, column: 1 },
    ]);
  });

  it('a Markdown file without front matter still gets checked, with what was inferred from its text said once', () => {
    const result = lintText('draft.md', '# Northfield annual report 2024-25\n\nSome text.\n');
    expect([result.kind, result.edition]).toEqual(['yearly-report', '2023']);
    expect(
      result.findings
        .filter((f) => f.ruleId === 'document-metadata' || f.ruleId.endsWith('/kind') || f.ruleId.endsWith('/edition'))
        .map((f) => [f.ruleId, f.line, f.message]),
    ).toEqual([
      [
        'document-metadata',
        1,
        'Inferred from the text: kind yearly-report from its title "Northfield annual report 2024-25" (line 1); ' +
          'edition 2023: covers 2024-04-01 to 2025-03-31 (its title names "2024-25" (line 1)); only the 2023 edition was in force then (2023-12-15 on); ' +
          'period 2024-04-01 to 2025-03-31: its title names "2024-25" (line 1).',
      ],
    ]);
  });

  it('a document whose kind cannot be known is one clear finding', () => {
    const result = lintText('notes.md', 'Just some notes.\n');
    expect(pinned(result)).toEqual([{ ruleId: 'document-kind', messageId: 'missing', severity: 'error', line: 1, column: 1 }]);
  });

  it('an unknown kind and an unknown edition are named at their keys', () => {
    const result = lintText('a.md', '---\nkind: policy\nedition: 2020\n---\n# Body\n');
    expect(result.findings.filter((f) => f.ruleId.startsWith('document-')).map((f) => [f.ruleId, f.line, f.message])).toEqual([
      [
        'document-kind',
        2,
        '`kind: policy` is not a document kind wtlint knows; expected arrangements, yearly-report, cdr-arrangements, cdr-report',
      ],
      ['document-edition', 3, '`edition: 2020` is not an edition wtlint knows; expected one of 2018, 2023'],
    ]);
  });

  it('every finding carries its citation and help', () => {
    const result = lintText('a.md', GOOD);
    for (const f of result.findings) {
      expect(f.citation.length).toBeGreaterThan(10);
      expect(f.help.length).toBeGreaterThan(10);
    }
    expect(result.findings.length).toBe(22); // with the info that the arrangements say nothing of child death reviews
  });
});
