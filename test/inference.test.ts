// Inferring kind, edition, period and publication date from the text alone (issue 17): each
// signal on its own, each conflict between signals, and the one finding that says what was
// inferred and why. Every document here is written for the test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLinter } from '../src/engine/resources.js';
import { parseDocument } from '../src/parse/document.js';
import { inferDocument, type Inference } from '../src/extract/inference/infer.js';
import { periodsIn } from '../src/extract/inference/dates.js';
import { loadInferenceRules } from '../src/reference/inference-rules.js';
import { PackError } from '../src/pack/load.js';
import { bundledVocabulary } from './helpers.js';

const AS_OF = '2026-11-23';
const linter = bundledLinter();
const editions = linter.packs.map((p) => ({ edition: p.edition, ...p.in_force }));
const infer = (text: string, path = 'page.md'): Inference =>
  inferDocument(parseDocument({ path, text }), { editions, asOf: AS_OF, rules: linter.reference.inference });
const edition = (text: string, path?: string) => {
  const { edition: e, doubts } = infer(text, path);
  return { value: e?.value, reason: e?.reason, line: e?.line, doubts: doubts.filter((d) => d.key === 'edition').map((d) => d.text) };
};
const doc = (...paragraphs: string[]) => `${paragraphs.join('\n\n')}\n`;

describe('the edition, from what the text cites', () => {
  it('reads "Working Together 2018", quoting the words and their line', () => {
    expect(edition(doc('# Eastmere partnership', 'Our work follows Working Together 2018 in every part.'))).toEqual({
      value: '2018',
      reason: 'cites "Working Together 2018" (line 3)',
      line: 3,
      doubts: [],
    });
  });

  it('reads the short form "WT2023" and the full title with its year in brackets', () => {
    expect(edition(doc('# Eastmere partnership', 'Written to meet WT2023.')).value).toBe('2023');
    expect(
      edition(doc('# Eastmere partnership', 'As Working Together to Safeguard Children (2023) sets out, partners plan together.')).reason,
    ).toBe('cites "Working Together to Safeguard Children (2023" (line 3)');
  });

  it('takes the edition cited most, the later on a tie, and says it also cites the other', () => {
    expect(edition(doc('# Eastmere', 'Working Together 2023 replaced Working Together 2018.'))).toEqual({
      value: '2023',
      reason: 'cites "Working Together 2023" (line 3)',
      line: 3,
      doubts: ['it also cites "Working Together 2018" (line 3); chose 2023'],
    });
  });
});

describe('the edition, from the dates the text gives', () => {
  it('a report for 2019-20 answers to 2018 even when it mentions the 2023 edition', () => {
    expect(edition(doc('# Eastmere yearly report 2019-20', 'Partners are already reading the draft of Working Together 2023.'))).toEqual({
      value: '2018',
      reason:
        'covers 2019-04-01 to 2020-03-31 (its title names "2019-20" (line 1)); only the 2018 edition was in force then (2018-07-04 to 2023-12-14)',
      line: 1,
      doubts: [
        'it also cites "Working Together 2023" (line 3), which its dates rule out (the 2023 edition was not in force then); chose 2018',
      ],
    });
  });

  it('arrangements published in June 2019 are 2018-edition arrangements', () => {
    expect(edition(doc('# Eastmere safeguarding arrangements', 'These arrangements were published in June 2019.'))).toMatchObject({
      value: '2018',
      reason:
        'is dated 2019-06 (from "published in June 2019" (line 3)); only the 2018 edition was in force then (2018-07-04 to 2023-12-14)',
    });
  });

  it('a page that gives an old date but cites the 2023 edition was revised since', () => {
    expect(
      edition(doc('# Eastmere safeguarding arrangements', 'First published in June 2019.', 'We now follow Working Together 2023.')).reason,
    ).toBe(
      'cites "Working Together 2023" (line 5); is dated 2019-06 (from "First published in June 2019" (line 3)); a text cannot cite guidance published after it, so it was revised after the date it gives',
    );
  });

  it('a date alone decides when nothing names the edition, and says it is weak', () => {
    expect(edition(doc('# Eastmere safeguarding arrangements', 'Last updated: 4 March 2025.'))).toEqual({
      value: '2023',
      reason: 'is dated 2025-03-04 (from "Last updated: 4 March 2025" (line 3)); only the 2023 edition was in force then (2023-12-15 on)',
      line: 3,
      doubts: [],
    });
  });
});

describe('the edition, from the terms of one era weighed together', () => {
  it('a clinical commissioning group and "the three safeguarding partners" → 2018', () => {
    expect(
      edition(
        doc(
          '# Eastmere',
          'The three safeguarding partners meet monthly.',
          'Eastmere Clinical Commissioning Group hosts the business unit.',
        ),
      ),
    ).toEqual({
      value: '2018',
      reason: 'names "three safeguarding partners" (line 3), "Clinical Commissioning Group" (line 5)',
      line: 3,
      doubts: [],
    });
  });

  it('lead and delegated safeguarding partners → 2023', () => {
    expect(edition(doc('# Eastmere', 'Each lead safeguarding partner has named a delegated safeguarding partner.')).value).toBe('2023');
  });

  it('never one word alone: a single era term is too weak, and the fallback says so', () => {
    expect(edition(doc('# Eastmere', 'Eastmere CCG commissions the designated nurse.'))).toEqual({
      value: '2023',
      reason: 'nothing in the text dates it, so the edition in force on 2026-11-23 is assumed',
      line: 1,
      doubts: [
        'its terms are too few to decide (2018: "CCG" (line 3))',
        'it gives no date, citation or era terms; chose 2023, the edition in force on the as-of date 2026-11-23',
      ],
    });
  });

  it('terms of both eras that weigh alike decide nothing', () => {
    const result = edition(
      doc(
        '# Eastmere',
        'The clinical commissioning group and the three safeguarding partners agreed it.',
        'The partnership chair reports to the integrated care board.',
      ),
    );
    expect(result.doubts[0]).toBe(
      'its terms are too few to decide (2018: "clinical commissioning group" (line 3), "three safeguarding partners" (line 3); 2023: "partnership chair" (line 5), "integrated care board" (line 5))',
    );
  });

  it('a citation outweighs terms of the other era, and the doubt is said', () => {
    expect(
      edition(
        doc(
          '# Eastmere',
          'We follow Working Together 2018.',
          'Our lead safeguarding partners and delegated safeguarding partners sign it off.',
        ),
      ).doubts,
    ).toEqual(['its terms lean to 2023 ("lead safeguarding partners" (line 5), "delegated safeguarding partners" (line 5)); chose 2018']);
  });
});

describe('the edition, when nothing else says', () => {
  it('the latest date the text mentions, before the as-of date', () => {
    expect(edition(doc('# Eastmere', 'The board met in March 2021 and again in July 2022.'))).toEqual({
      value: '2018',
      reason: 'the latest date it mentions is "July 2022" (line 3), when the 2018 edition was in force',
      line: 3,
      doubts: ['it cites no edition and gives no publication date; chose 2018 from the latest date it mentions'],
    });
  });
});

describe('the kind', () => {
  const kind = (text: string, path?: string) => {
    const inference = infer(text, path);
    return {
      value: inference.kind?.value ?? null,
      reason: inference.kind?.reason ?? null,
      doubts: inference.doubts.filter((d) => d.key === 'kind').map((d) => d.text),
    };
  };

  it('from a title that says annual report, or multi-agency safeguarding arrangements', () => {
    expect(kind(doc('# Eastmere Partnership Annual Report', 'Text.'))).toEqual({
      value: 'yearly-report',
      reason: 'its title "Eastmere Partnership Annual Report" (line 1)',
      doubts: [],
    });
    expect(kind(doc('# Multi-agency safeguarding arrangements for Eastmere', 'Text.')).value).toBe('arrangements');
  });

  it('from the file name when the title does not say', () => {
    expect(kind(doc('# Eastmere', 'Text.'), 'docs/yearly-report-2022-23.md')).toEqual({
      value: 'yearly-report',
      reason: 'its file name "yearly-report-2022-23.md"',
      doubts: [],
    });
  });

  it('from a foreword looking back on a year, weakly', () => {
    expect(kind(doc('# Foreword', 'Over the past year the partners have learned a great deal.'))).toEqual({
      value: 'yearly-report',
      reason: 'the text says "Over the past year" (line 3)',
      doubts: ["only the text's wording points to yearly-report; its title does not say"],
    });
  });

  it('the title outweighs the file name, and the disagreement is said', () => {
    expect(kind(doc('# Eastmere safeguarding arrangements', 'Text.'), 'annual-report.md')).toEqual({
      value: 'arrangements',
      reason: 'its title "Eastmere safeguarding arrangements" (line 1)',
      doubts: ['it also reads as yearly-report (its file name "annual-report.md"); chose arrangements, which weighs more'],
    });
  });

  it('signals that weigh alike leave the kind undecided', () => {
    expect(
      kind(doc('# Eastmere annual report', 'Text.', 'These arrangements are reviewed each year.'), 'safeguarding-arrangements.md'),
    ).toEqual({
      value: null,
      reason: null,
      doubts: [
        'the kind is unclear: yearly-report (its title "Eastmere annual report" (line 1)) against arrangements (its file name "safeguarding-arrangements.md", the text says "These arrangements" (line 5))',
      ],
    });
  });

  it('reads the kind from the opening pages, as a reader does: words 400 blocks down do not count', () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of notes.`);
    expect(kind(doc('# Eastmere', ...filler, 'These arrangements are reviewed each year.')).value).toBeNull();
    expect(kind(doc('# Eastmere', ...filler.slice(2), 'These arrangements are reviewed each year.')).value).toBe('arrangements');
  });

  it("a yearly report that tells of its board's meetings is still the report", () => {
    expect(
      kind(
        doc(
          '# Eastmere Safeguarding Children Partnership Annual Report 2023-24',
          'In June the board agreed three priorities.',
          'Minutes: kept by the business unit.',
        ),
      ).value,
    ).toBe('yearly-report');
  });

  it('committee minutes about a yearly report are not the report', () => {
    expect(kind(doc('Agenda item', '# Eastmere Partnership Annual Report 2023-24', 'Minutes: the committee noted the report.'))).toEqual({
      value: null,
      reason: null,
      doubts: [
        'it reads as a paper about a report or the arrangements, not the document itself (a line at its top "Agenda item" (line 1), the text says "Minutes" (line 5))',
      ],
    });
  });
});

describe('the period and the publication date', () => {
  it('reads the forms partnerships write a period in, and not a plan of several years', () => {
    const periods = (text: string) => periodsIn(text).map((p) => [p.text, p.start, p.end]);
    expect(periods('From April 2023 to March 2024; 2023/24; 2023-24; 1 April 2023 – 31 March 2024; plan 2023-2026; on 2023-04-01')).toEqual(
      [
        ['April 2023 to March 2024', '2023-04-01', '2024-03-31'],
        ['2023/24', '2023-04-01', '2024-03-31'],
        ['2023-24', '2023-04-01', '2024-03-31'],
        ['1 April 2023 – 31 March 2024', '2023-04-01', '2024-03-31'],
      ],
    );
  });

  it('takes the period its title names, in the months the text gives for it', () => {
    const inference = infer(
      doc('# Eastmere yearly report 2023-24', 'This report covers 1 April 2023 – 31 March 2024. Our plan for 2024-25 follows.'),
    );
    expect([inference.period?.value, inference.period?.reason]).toEqual([
      { start: '2023-04-01', end: '2024-03-31' },
      'its title names "2023-24" (line 1), which the text gives as "1 April 2023 – 31 March 2024" (line 3)',
    ]);
  });

  it('reads no period for arrangements, which name years but report on none', () => {
    expect(infer(doc('# Eastmere safeguarding arrangements', 'Our priorities for 2024-25.')).period).toBeNull();
  });

  it('reads "published", "Date of publication", "Last updated" and a dated foreword, the stronger first', () => {
    const published = (text: string) => {
      const p = infer(text).published;
      return p && [p.value.iso, p.value.precision, p.how, p.quote, p.line];
    };
    expect(published(doc('# Eastmere', 'Last updated 3 March 2025.', 'This report was published 31 December 2024.'))).toEqual([
      '2024-12-31',
      'day',
      'published',
      'published 31 December 2024',
      5,
    ]);
    expect(published(doc('# Eastmere', 'Date of publication: 30/09/2024'))).toEqual([
      '2024-09-30',
      'day',
      'published',
      'Date of publication: 30/09/2024',
      3,
    ]);
    expect(published(doc('# Eastmere', 'Last updated 3 March 2025.'))).toEqual([
      '2025-03-03',
      'day',
      'updated',
      'Last updated 3 March 2025',
      3,
    ]);
    // Council papers: the meeting's date, also on a form with dotted leaders.
    expect(published(doc('Agenda item', 'Meeting: 02/07/2024 - Scrutiny Committee (Item 4)'))).toEqual([
      '2024-07-02',
      'day',
      'updated',
      'Meeting: 02/07/2024',
      3,
    ]);
    expect(published(doc('Board paper', 'Date of Meeting: ……9 th May 2022……'))).toEqual([
      '2022-05-09',
      'day',
      'updated',
      'Date of Meeting: ……9 th May 2022',
      3,
    ]);
    expect(
      published(doc('# Eastmere', 'Text.', 'More text.', 'Still more.', '## Foreword', 'We are proud of the year.', 'September 2024')),
    ).toEqual(['2024-09-01', 'month', 'dated', 'September 2024', 13]);
  });
});

describe('what the user is told', () => {
  it('one info finding that quotes the words it used, and front matter the checks then read', () => {
    const result = linter.lint(
      {
        path: 'report.md',
        text: doc('# Eastmere annual report 2019-20', 'Published 30 September 2020.', 'We follow Working Together 2018.'),
      },
      { asOf: AS_OF },
    );
    expect([result.kind, result.edition]).toEqual(['yearly-report', '2018']);
    expect(
      result.findings.filter((f) => f.ruleId === 'document-metadata').map((f) => [f.line, f.column, f.severity, f.messageId, f.message]),
    ).toEqual([
      [
        1,
        3,
        'info',
        'inferred',
        'Inferred from the text: kind yearly-report from its title "Eastmere annual report 2019-20" (line 1); ' +
          'edition 2018: cites "Working Together 2018" (line 5); covers 2019-04-01 to 2020-03-31 (its title names "2019-20" (line 1)); is dated 2020-09-30 (from "Published 30 September 2020" (line 3)); only the 2018 edition was in force then (2018-07-04 to 2023-12-14); ' +
          'period 2019-04-01 to 2020-03-31: its title names "2019-20" (line 1); published 2020-09-30 from "Published 30 September 2020" (line 3).',
      ],
    ]);
    // The inferred period is the report's: the deadline check measures from it (30 September 2020 is on time).
    expect(result.findings.filter((f) => f.ruleId.endsWith('/report-deadline'))).toEqual([]);
  });

  it('says where the signals disagree, and where to state the values', () => {
    const result = linter.lint(
      {
        path: 'draft.md',
        text: doc('# Eastmere', 'Eastmere CCG commissions the designated nurse.', 'These arrangements were agreed by the partners.'),
      },
      { asOf: AS_OF },
    );
    const finding = result.findings.find((f) => f.ruleId === 'document-metadata')!;
    expect([finding.messageId, finding.message]).toEqual([
      'inferred-unsure',
      'Inferred from the text: kind arrangements from the text says "These arrangements" (line 5); edition 2023: nothing in the text dates it, so the edition in force on 2026-11-23 is assumed. ' +
        'Unsure: only the text\'s wording points to arrangements; its title does not say; its terms are too few to decide (2018: "CCG" (line 3)); it gives no date, citation or era terms; chose 2023, the edition in force on the as-of date 2026-11-23. State the values in front matter to be sure.',
    ]);
  });

  it('an edition given on the command line is not second-guessed', () => {
    const result = linter.lint({ path: 'report.md', text: doc('# Eastmere annual report 2019-20') }, { asOf: AS_OF, edition: '2023' });
    expect(result.edition).toBe('2023');
    expect(result.findings.find((f) => f.ruleId === 'document-metadata')!.message).toBe(
      'Inferred from the text: kind yearly-report from its title "Eastmere annual report 2019-20" (line 1); period 2019-04-01 to 2020-03-31: its title names "2019-20" (line 1).',
    );
  });

  it('minutes about a report: what could be read is said, then that the kind is unknown', () => {
    const result = linter.lint(
      {
        path: 'minutes.md',
        text: doc('Agenda item', '# Eastmere Partnership Annual Report 2022-23', 'Minutes: the committee noted the report.'),
      },
      { asOf: AS_OF },
    );
    expect(result.findings.map((f) => [f.ruleId, f.messageId])).toEqual([
      ['document-kind', 'missing'],
      ['document-metadata', 'inferred-unsure'],
    ]);
  });
});

describe('rules/inference.yaml', () => {
  const FILE = 'rules/inference.yaml';
  const text = readFileSync(FILE, 'utf8');
  const schema = JSON.parse(readFileSync('schemas/inference.schema.json', 'utf8')) as object;
  const vocabulary = bundledVocabulary();
  const load = (edited: string) => () => loadInferenceRules(edited, FILE, schema, vocabulary);

  it('is what the bundled linter weighs', () => {
    expect(loadInferenceRules(text, FILE, schema, vocabulary)).toEqual(linter.reference.inference);
  });

  it('rejects a broken phrase or pattern, an unknown phrase set, a citation without its year group, a repeated id and a bad weight, with file:line:column', () => {
    expect(load(text.replace("'integrated care board[s]'", "'(integrated care board[s]'"))).toThrow(PackError);
    expect(load(text.replace("'integrated care board[s]'", "'(integrated care board[s]'"))).toThrow(
      /^rules\/inference\.yaml:\d+:\d+ terms\.\d+\.match\.0: invalid phrase "\(integrated care board\[s\]": the "\(" at character 1 is not closed by "\)"$/,
    );
    expect(load(text.replace("pattern: '^\\s*posted\\s+on\\b'", "pattern: '(posted'"))).toThrow(
      /^rules\/inference\.yaml:\d+:\d+ kind_cues\.\d+\.match\.0: invalid pattern "\(posted": /,
    );
    expect(load(text.replace('{ set: local-safeguarding-children-board }', '{ set: local-safeguarding-children-boards }'))).toThrow(
      /^rules\/inference\.yaml:\d+:\d+ terms\.1\.match\.0: unknown phrase set "local-safeguarding-children-boards" \(did you mean "local-safeguarding-children-board"\?\)/,
    );
    expect(load(text.replace("'\\bWT\\s?(?:20)?(18|23)\\b'", "'\\bWT\\s?(?:20)?(?:18|23)\\b'"))).toThrow(
      /citations\.1\.pattern: must have exactly one capturing group/,
    );
    expect(load(text.replace('id: partnership-chair', 'id: integrated-care-board'))).toThrow(
      /terms\.\d+\.id: the id integrated-care-board is used twice/,
    );
    expect(load(text.replace('weight: 0.5', 'weight: -1'))).toThrow(/terms\.3\.weight/);
  });

  it('gives every era term its source', () => {
    for (const term of linter.reference.inference!.terms) expect(term.source.length).toBeGreaterThan(40);
  });
});
