// The deeper checks (funding, scrutiny independence, review timeliness, outdated terms, agency
// categories) on realistic documents: the whole list of findings of the deeper rules, exactly, with messageId, severity, line and column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledVocabulary } from './helpers.js';
import { bundledLinter } from '../src/engine/resources.js';
import type { Finding } from '../src/types.js';

const DEEPER =
  /\/(?:funding-(?:total|shares|equity|costs)|scrutiny-(?:independence|coverage)|outdated-terms|renamed-bodies|agency-categories|review-timeliness)$/;

function deeper(path: string, text: string, asOf = '2026-11-23') {
  return bundledLinter()
    .lint({ path, text }, { asOf })
    .findings.filter((f) => DEEPER.test(f.ruleId))
    .map(({ ruleId, messageId, severity, line, column }: Finding) => ({ ruleId, messageId, severity, line, column }));
}

const fixture = (name: string) => {
  const path = `test/fixtures/deeper/${name}`;
  return { path, text: readFileSync(path, 'utf8') };
};

const doc = (front: string, body = '') => `---\n${front.trim()}\n---\n\n${body}`;

describe('a realistic 2023 draft with the problems a business manager would raise', () => {
  const { path, text } = fixture('brackmoor-draft-2023.md');

  it('finds each of them, at the term or field concerned', () => {
    expect(deeper(path, text)).toEqual([
      { ruleId: 'wt2023/outdated-terms', messageId: 'outdated', severity: 'warning', line: 10, column: 5 },
      { ruleId: 'wt2023/agency-categories', messageId: 'unknown-category', severity: 'info', line: 16, column: 5 },
      { ruleId: 'wt2023/agency-categories', messageId: 'unmatched', severity: 'info', line: 17, column: 5 },
      { ruleId: 'wt2023/scrutiny-independence', messageId: 'partner-named', severity: 'warning', line: 19, column: 68 },
      { ruleId: 'wt2023/funding-total', messageId: 'total-mismatch', severity: 'error', line: 23, column: 3 },
      { ruleId: 'wt2023/funding-equity', messageId: 'over-share', severity: 'warning', line: 25, column: 7 },
      { ruleId: 'wt2023/funding-shares', messageId: 'share', severity: 'info', line: 25, column: 7 },
      { ruleId: 'wt2023/funding-shares', messageId: 'share', severity: 'info', line: 26, column: 7 },
      { ruleId: 'wt2023/outdated-terms', messageId: 'outdated', severity: 'warning', line: 26, column: 9 },
      { ruleId: 'wt2023/funding-shares', messageId: 'share', severity: 'info', line: 27, column: 7 },
      { ruleId: 'wt2023/outdated-terms', messageId: 'outdated', severity: 'warning', line: 35, column: 72 },
      { ruleId: 'wt2023/outdated-terms', messageId: 'outdated', severity: 'warning', line: 36, column: 24 },
      { ruleId: 'wt2023/agency-categories', messageId: 'unmatched', severity: 'info', line: 45, column: 3 },
      { ruleId: 'wt2023/scrutiny-coverage', messageId: 'uncovered', severity: 'warning', line: 47, column: 1 },
      { ruleId: 'wt2023/scrutiny-coverage', messageId: 'uncovered', severity: 'warning', line: 47, column: 1 },
      { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 52, column: 1 },
      { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 52, column: 1 },
      { ruleId: 'wt2023/renamed-bodies', messageId: 'outdated', severity: 'info', line: 59, column: 25 },
    ]);
  });

  it('says why, with the figures and the citation', () => {
    const findings = bundledLinter().lint({ path, text }, { asOf: '2026-11-23' }).findings;
    const pick = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
    expect(pick('wt2023/funding-total')).toEqual([
      'The contributions add up to £410,000, but `funding.total` is £400,000 (a difference of £10,000)',
    ]);
    expect(pick('wt2023/funding-equity')).toEqual([
      'Brackmoor Borough Council pays 78% of the budget (£320,000 of £410,000), more than 50%: contributions should be equitable and proportionate',
    ]);
    expect(pick('wt2023/funding-shares')).toEqual([
      'Brackmoor Borough Council contributes £320,000, 78% of the £410,000 the partners contribute',
      'NHS Brackmoor Clinical Commissioning Group contributes £50,000, 12.2% of the £410,000 the partners contribute',
      'Brackmoor and Fenn Constabulary contributes £40,000, 9.8% of the £410,000 the partners contribute',
    ]);
    expect(pick('wt2023/funding-costs')).toEqual([
      'The funding arrangements do not mention local child safeguarding practice reviews',
      'The funding arrangements do not mention agreed initiatives and priorities',
    ]);
    expect(pick('wt2023/scrutiny-coverage')).toEqual([
      'The independent scrutiny arrangements do not mention how effective the arrangements are for children, families and practitioners',
      'The independent scrutiny arrangements do not mention learning from practice reviews',
    ]);
    expect(pick('wt2023/scrutiny-independence')).toEqual([
      'The scrutineer\'s organisation "Brackmoor Borough Council" is Brackmoor Borough Council, one of the safeguarding partners: the scrutiny is not independent of the partners it scrutinises',
    ]);
    const equity = findings.find((f) => f.ruleId === 'wt2023/funding-equity')!;
    expect(equity.citation).toBe('Working Together 2023, chapter 2 (funding: a shared budget, equitable and proportionate contributions)');
    const term = findings.find((f) => f.ruleId === 'wt2023/outdated-terms' && f.line === 35)!;
    expect([term.message, term.endLine, term.endColumn]).toEqual([
      '"CCG" (Clinical Commissioning Group) in a document dated 2024-11-28: integrated care boards replaced clinical commissioning groups, as the health safeguarding partner too, on 1 July 2022; name the integrated care board (ICB) instead',
      35,
      75,
    ]);
  });
});

describe('practice review timeliness in a yearly report', () => {
  const { path, text } = fixture('fenmouth-report-2024-25.md');

  it('counts working days past weekends and bank holidays, and months for local reviews', () => {
    const findings = bundledLinter()
      .lint({ path, text }, { asOf: '2026-11-23' })
      .findings.filter((f) => DEEPER.test(f.ruleId));
    expect(findings.map(({ messageId, line, column, message }) => ({ messageId, line, column, message }))).toEqual([
      {
        messageId: 'late',
        line: 14,
        column: 65,
        message:
          'Child C: the rapid review on 2024-04-19, 16 working days after 2024-03-26 (incident); 15 working days allowed (Working Together 2023, chapter 5), so due by 2024-04-18',
      },
      {
        messageId: 'early',
        line: 14,
        column: 119,
        message:
          'Child C: the copy of the review sent to the Panel and the Secretary of State on 2024-11-07, only 3 working days before 2024-11-12 (published); at least 7 working days expected (Working Together 2023, chapter 5; the 7 days are to confirm), so by 2024-11-01',
      },
      {
        messageId: 'late',
        line: 14,
        column: 143,
        message:
          'Child C: publication of the local child safeguarding practice review on 2024-11-12, 201 days after 2024-04-25 (lcspr_decision); 6 months allowed (Working Together 2023, chapter 5), so due by 2024-10-25',
      },
      {
        messageId: 'late',
        line: 15,
        column: 62,
        message:
          'Child D: notification of the serious incident to the Panel on 2025-01-02, 6 working days after 2024-12-20 (aware); 5 working days allowed (Children Act 2004, s16C), so due by 2024-12-31',
      },
      {
        messageId: 'overdue',
        line: 15,
        column: 110,
        message:
          'Child D: no date for publication of the local child safeguarding practice review (`published`), due by 2025-07-20 (6 months after 2025-01-20, Working Together 2023, chapter 5); that date has passed (as of 2026-11-23)',
      },
    ]);
  });

  it('does not call a review overdue before its deadline', () => {
    expect(deeper(path, text, '2025-07-20').filter((f) => f.messageId === 'overdue')).toEqual([]);
  });

  it('applies to 2018-edition reports, with the 2018 citation', () => {
    const text2018 = text.replace('edition: 2023', 'edition: 2018');
    const findings = bundledLinter()
      .lint({ path, text: text2018 }, { asOf: '2026-11-23' })
      .findings.filter((f) => f.ruleId === 'wt2018/review-timeliness');
    expect(findings.map((f) => [f.messageId, f.line, f.column])).toEqual([
      ['late', 14, 65],
      ['early', 14, 119],
      ['late', 14, 143],
      ['late', 15, 62],
      ['overdue', 15, 110],
    ]);
    expect(findings[0]!.citation).toBe(
      'Children Act 2004, s16C (notification within 5 working days); Working Together 2018, chapter 4 (rapid reviews within 15 working days; local reviews published within 6 months of the decision)',
    );
  });

  it('says so once when the linter was given no bank holiday calendar', async () => {
    const { createLinter } = await import('../src/lint.js');
    const { loadBundledPacks, loadDocumentSchemas } = await import('../src/engine/resources.js');
    const linter = createLinter(loadBundledPacks(), loadDocumentSchemas(['2018', '2023']));
    const findings = linter.lint({ path, text }, { asOf: '2026-11-23' }).findings.filter((f) => f.ruleId === 'wt2023/review-timeliness');
    expect(findings.map((f) => [f.messageId, f.line, f.column])).toEqual([
      ['no-calendar', 13, 1],
      ['late', 14, 143],
      ['overdue', 15, 110],
    ]);
  });

  /** A yearly report for April (year-1) to March (year), published that September, listing one review. */
  const reportWith = (edition: string, year: number, review: string) =>
    doc(
      `kind: yearly-report\nedition: ${edition}\npublished: ${year}-09-20\nperiod: { start: ${year - 1}-04-01, end: ${year}-03-31 }\npractice_reviews:\n  - ${review}`,
    );

  it('says when a step is dated before its clock starts (a typo in one of the dates)', () => {
    const report = reportWith('2023', 2025, '{ ref: Child G, incident: 2024-06-12, notified: 2024-06-02, rapid_review: 2024-06-28 }');
    const findings = bundledLinter()
      .lint({ path: 'g.md', text: report }, { asOf: '2026-11-23' })
      .findings.filter((f) => f.ruleId === 'wt2023/review-timeliness');
    expect(findings.map((f) => [f.messageId, f.line, f.column, f.message])).toEqual([
      [
        'before-start',
        7,
        43,
        'Child G: notification of the serious incident to the Panel on 2024-06-02 is before 2024-06-12 (incident), when its time starts; check both dates',
      ],
    ]);
  });

  it('says when a date is outside the bank holiday calendar', () => {
    const old = reportWith('2018', 2018, '{ ref: Child F, incident: 2017-12-20, notified: 2018-01-03 }');
    expect(deeper('old.md', old)).toEqual([
      { ruleId: 'wt2018/review-timeliness', messageId: 'outside-calendar', severity: 'warning', line: 7, column: 21 },
    ]);
  });
});

describe('funding', () => {
  const front = (contributions: string, total = 300000) => `
kind: arrangements
edition: 2023
published: 2024-10-01
funding:
  total: ${total}
  contributions:
${contributions}`;

  it('accepts contributions that add up and are shared', () => {
    const text = doc(
      front(
        '    - { partner: A Council, amount: 150000 }\n    - { partner: B ICB, amount: 100000 }\n    - { partner: C Police, amount: 50000 }',
      ),
    );
    expect(deeper('a.md', text)).toEqual(
      [
        { ruleId: 'wt2023/funding-shares', messageId: 'share', severity: 'info', line: 8, column: 7 },
        { ruleId: 'wt2023/funding-shares', messageId: 'share', severity: 'info', line: 9, column: 7 },
        { ruleId: 'wt2023/funding-shares', messageId: 'share', severity: 'info', line: 10, column: 7 },
        { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 5, column: 1 },
        { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 5, column: 1 },
        { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 5, column: 1 },
        { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 5, column: 1 },
        { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 5, column: 1 },
      ].sort((a, b) => a.line - b.line),
    );
  });

  it('reads the costs from funding.spend', () => {
    const text = doc(`${front('    - { partner: A Council, amount: 300000 }')}
  spend: [business unit, independent scrutineer, multi-agency training, rapid reviews and LCSPRs, neglect priority]`);
    expect(deeper('a.md', text).filter((f) => f.ruleId === 'wt2023/funding-costs')).toEqual([]);
  });

  it('takes the share limit from the rule (max_share), and a rounding tolerance for the total', async () => {
    const { loadPack } = await import('../src/pack/load.js');
    const { createLinter } = await import('../src/lint.js');
    const { readJson, loadDocumentSchemas } = await import('../src/engine/resources.js');
    const source = readFileSync('rules/wt2023.yaml', 'utf8').replace('max_share: 0.5', 'max_share: 0.4');
    const linter = createLinter(
      [loadPack(source, 'rules/wt2023.yaml', readJson('schemas/rule-pack.schema.json'), bundledVocabulary())],
      loadDocumentSchemas(['2023']),
    );
    const text = doc(
      front(
        '    - { partner: A Council, amount: 130000.4 }\n    - { partner: B ICB, amount: 120000 }\n    - { partner: C Police, amount: 50000 }',
      ),
    );
    const findings = linter
      .lint({ path: 'a.md', text }, { asOf: '2026-11-23' })
      .findings.filter((f) => /funding-(total|equity)/.test(f.ruleId));
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'wt2023/funding-equity',
        'A Council pays 43.3% of the budget (£130,000.40 of £300,000.40), more than 40%: contributions should be equitable and proportionate',
      ],
    ]);
  });

  it('reads the funding section, where a phrase may break across lines', () => {
    const body =
      '## Funding\n\nThe shared budget of £300,000 pays for the business\nunit, independent scrutiny, multi-agency training,\nrapid reviews and our three priorities.\n';
    expect(
      deeper('a.md', doc('kind: arrangements\nedition: 2023\npublished: 2024-10-01', body)).filter(
        (f) => f.ruleId === 'wt2023/funding-costs',
      ),
    ).toEqual([]);
  });

  it('leaves malformed amounts to the schema rule rather than adding up the rest', () => {
    const text = doc(front('    - { partner: A Council, amount: "£150,000" }\n    - { partner: B ICB, amount: 100000 }'));
    expect(deeper('a.md', text).filter((f) => /funding-(total|shares|equity)/.test(f.ruleId))).toEqual([]);
  });

  it('is silent without contributions, and leaves the costs to the funding rule when the section is a placeholder', () => {
    expect(deeper('a.md', doc('kind: arrangements\nedition: 2023\npublished: 2024-10-01', '# A\n\n## Funding\n\nTBC\n'))).toEqual([]);
  });
});

describe('independence of the scrutineer', () => {
  const text = (scrutineer: string) =>
    doc(`
kind: arrangements
edition: 2023
published: 2024-10-01
partners:
  - { type: local-authority, name: Oxley Borough Council }
  - { type: health, name: NHS Oxley Integrated Care Board }
  - { type: police, name: Oxley Police }
scrutiny:
  scrutineer: ${scrutineer}
`);
  const flagged = (scrutineer: string) =>
    deeper('s.md', text(scrutineer))
      .filter((f) => f.ruleId === 'wt2023/scrutiny-independence')
      .map((f) => [f.messageId, f.line, f.column]);

  it('flags an organisation or role of a partner body', () => {
    expect(flagged('{ name: X, role: Head of Children\'s Services, organisation: "Oxley Borough Council (seconded)" }')).toEqual([
      ['partner-body', 10, 26],
      ['partner-named', 10, 61],
    ]);
    expect(flagged('{ name: X, role: Designated Nurse, organisation: Another ICB }')).toEqual([
      ['partner-body', 10, 26],
      ['partner-body', 10, 50],
    ]);
    expect(flagged('{ name: X, role: Detective Superintendent }')).toEqual([['partner-body', 10, 26]]);
  });

  it('accepts an independent scrutineer, or a former officer', () => {
    expect(flagged('{ name: X, role: Independent Scrutineer, organisation: Oxley Scrutiny Ltd }')).toEqual([]);
    expect(flagged('{ name: X, role: Retired Chief Superintendent, organisation: Self-employed }')).toEqual([]);
  });
});

describe('outdated terms, by date', () => {
  const text = (published: string, body: string) => doc(`kind: arrangements\nedition: 2018\npublished: ${published}`, body);
  const terms = (published: string, body: string) =>
    deeper('t.md', text(published, body))
      .filter((f) => /outdated-terms|renamed-bodies/.test(f.ruleId))
      .map((f) => [f.ruleId, f.line, f.column]);

  it('flags a CCG only on or after 1 July 2022', () => {
    const body = 'The partners are the council, Oxley CCG and the police.\n';
    expect(terms('2022-06-30', body)).toEqual([]);
    expect(terms('2022-07-01', body)).toEqual([['wt2018/outdated-terms', 7, 37]]);
  });

  it('finds a name that a line break splits, where it starts', () => {
    const body =
      '# Oxley arrangements\n\n## Child deaths\n\nChild deaths are reviewed with NHS Oxley Clinical\nCommissioning Group and the council.\n';
    expect(terms('2024-01-10', body)).toEqual([['wt2018/outdated-terms', 11, 42]]);
  });

  it('flags the LSCB as a current body only after 29 September 2019', () => {
    const body = 'The Oxley Safeguarding Children Board meets quarterly.\n';
    expect(terms('2019-09-28', body)).toEqual([]);
    expect(terms('2019-09-29', body)).toEqual([['wt2018/outdated-terms', 7, 11]]);
  });

  it('does not flag history or quotation', () => {
    const body = [
      'The partnership replaced the LSCB in 2019.',
      'Until 2019 the Local Safeguarding Children Board led this work.',
      'Oxley CCG (now the ICB) joined the partnership in 2019.',
      'The phrase “Local Safeguarding Children Board” still appears in old procedures.',
      'Formerly the LSCB, we are now the Oxley Safeguarding Children Partnership.',
      'The last serious case review commissioned by the LSCB was published in 2020.',
      '',
    ].join('\n');
    expect(terms('2024-01-10', body)).toEqual([]);
  });

  it('reports the What Works Centre after 6 June 2023 at info, in headings and tables too', () => {
    const body = "## Sent to the What Works Centre for Children's Social Care\n\n| Body | Date |\n| --- | --- |\n| WWCSC | 2023-07-01 |\n";
    expect(terms('2023-06-05', body)).toEqual([]);
    expect(terms('2023-06-06', body)).toEqual([
      ['wt2018/renamed-bodies', 7, 16],
      ['wt2018/renamed-bodies', 11, 3],
    ]);
  });

  it('reads the names in the front matter: the area, partners, chair', () => {
    const front = `
kind: arrangements
edition: 2023
area: Oxley Local Safeguarding Children Board
published: 2024-02-01
partners:
  - { type: health, name: NHS Oxley CCG }
chair: { name: A, organisation: NHS Oxley CCG (formerly) }
`;
    expect(deeper('f.md', doc(front)).filter((f) => f.ruleId === 'wt2023/outdated-terms')).toEqual([
      { ruleId: 'wt2023/outdated-terms', messageId: 'outdated', severity: 'warning', line: 4, column: 1 },
      { ruleId: 'wt2023/outdated-terms', messageId: 'outdated', severity: 'warning', line: 7, column: 21 },
    ]);
  });

  it('uses the as-of date when the document gives no date', () => {
    expect(deeper('t.md', doc('kind: arrangements\nedition: 2018', 'Oxley CCG is a partner.\n'), '2022-06-30')).toEqual([]);
    expect(deeper('t.md', doc('kind: arrangements\nedition: 2018', 'Oxley CCG is a partner.\n'), '2022-07-01')).toEqual([
      { ruleId: 'wt2018/outdated-terms', messageId: 'outdated', severity: 'warning', line: 6, column: 7 },
    ]);
  });
});

describe('relevant agencies and the Schedule', () => {
  it('matches names in the field and in the section list to categories, and asks about the rest', () => {
    const text = doc(
      `
kind: arrangements
edition: 2023
published: 2024-10-01
relevant_agencies:
  - Oxley Hospitals NHS Foundation Trust
  - { name: Oxley Fire and Rescue Service, category: fire-and-rescue }
  - Oxley Citizens Advice
`,
      '## Relevant agencies\n\nThe partners have named these relevant agencies:\n\n- HMP Oxley\n- Cafcass\n- Oxley Scouts\n\n## Funding\n\n- Oxley Wanderers Football Club\n',
    );
    expect(deeper('r.md', text).filter((f) => f.ruleId === 'wt2023/agency-categories')).toEqual([
      { ruleId: 'wt2023/agency-categories', messageId: 'unmatched', severity: 'info', line: 8, column: 5 },
      { ruleId: 'wt2023/agency-categories', messageId: 'unmatched', severity: 'info', line: 17, column: 3 },
    ]);
  });
});

describe('the deeper check kinds as pack data', () => {
  const schema = () => JSON.parse(readFileSync('schemas/rule-pack.schema.json', 'utf8')) as object;
  const load = async (edit: (source: string) => string) => {
    const { loadPack } = await import('../src/pack/load.js');
    return () => loadPack(edit(readFileSync('rules/wt2023.yaml', 'utf8')), 'rules/wt2023.yaml', schema(), bundledVocabulary());
  };

  it('rejects an unknown funding aspect and an invalid pattern when the pack loads, with file:line:column', async () => {
    expect(await load((s) => s.replace('aspect: equity', 'aspect: fairness'))).toThrow(
      /^rules\/wt2023\.yaml:\d+:\d+ rules\[\d+\]\.checks\[0\]\.aspect: `aspect` must be one of "total", "shares", "equity"$/,
    );
    expect(await load((s) => s.replace('- review[s]\n', '- (review[s]\n'))).toThrow(
      /^rules\/wt2023\.yaml:\d+:\d+ rules\[\d+\]\.checks\[0\]\.items\[0\]\.match\[0\]: invalid phrase "\(review\[s\]": the "\(" at character 1 is not closed by "\)"$/,
    );
    expect(await load((s) => s.replace('- set: police-employer\n', '- set: polise-employer\n'))).toThrow(
      /^rules\/wt2023\.yaml:\d+:\d+ rules\[\d+\]\.checks\[0\]\.bodies\[2\]\.match\[0\]: unknown phrase set "polise-employer" \(did you mean "police-employer"\?\); define it in rules\/phrases\.yaml or correct the name$/,
    );
    expect(await load((s) => s.replace('- set: former-post\n', "- { pattern: '(former', why: a test }\n"))).toThrow(
      /^rules\/wt2023\.yaml:\d+:\d+ rules\[\d+\]\.checks\[0\]\.except\[0\]: invalid pattern "\(former": .*$/,
    );
    expect(await load((s) => s.replace('max_share: 0.5', 'max_share: 2'))).toThrow(
      /^rules\/wt2023\.yaml:\d+:\d+ rules\[\d+\]\.checks\[0\]\.max_share: `max_share` must be <= 1$/,
    );
  });

  it('never throw on an empty, a YAML-only or a body-only document', () => {
    const texts = {
      'yaml-only.yaml':
        'kind: yearly-report\nedition: 2023\npractice_reviews: [{ ref: X, incident: 2024-01-05 }]\nfunding: { contributions: [{ partner: A, amount: 0 }] }\n',
      'body-only.md': '# Arrangements\n\n## Relevant agencies\n\n- Oxley Youth Club\n\n## Funding\n\nThe LSCB budget.\n',
      'odd-types.md': doc(
        'kind: arrangements\nedition: 2023\nrelevant_agencies: [3, { category: schools }]\nscrutiny: { scrutineer: { role: "" } }\nfunding: { total: 5, contributions: [{ partner: A, amount: 0 }] }',
      ),
    };
    for (const [path, text] of Object.entries(texts)) {
      const findings = bundledLinter().lint({ path, text }, { asOf: '2026-11-23' }).findings;
      expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    }
    expect(deeper('body-only.md', texts['body-only.md'])).toEqual([
      { ruleId: 'wt2023/agency-categories', messageId: 'unmatched', severity: 'info', line: 5, column: 3 },
      { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 7, column: 1 },
      { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 7, column: 1 },
      { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 7, column: 1 },
      { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 7, column: 1 },
      { ruleId: 'wt2023/funding-costs', messageId: 'uncovered', severity: 'warning', line: 7, column: 1 },
      { ruleId: 'wt2023/outdated-terms', messageId: 'outdated', severity: 'warning', line: 9, column: 5 },
    ]);
  });
});

describe('wtlint explain shows the data a deeper check applies', () => {
  it('lists each outdated term with its date, replacement and source', async () => {
    const { run } = await import('../src/cli/main.js');
    const out: string[] = [];
    const io = {
      cwd: process.cwd(),
      stdout: (t: string) => void out.push(t),
      stderr: () => {},
      readStdin: async () => new Uint8Array(),
      isTTY: false,
      today: '2026-11-23',
      env: {},
    };
    expect(await run(['explain', 'wt2023/renamed-bodies'], io)).toBe(0);
    const text = out.join('');
    const section = text.slice(text.indexOf('What the check applies'), text.indexOf('\n\nNotes'));
    expect(section.split('\n')).toEqual([
      'What the check applies',
      "  What Works Centre for Children's Social Care: outdated from 2023-06-06; the What Works",
      "  Centre for Children's Social Care became Foundations on 6 June 2023. Use Foundations,",
      '  the What Works Centre for Children & Families. Source: Working Together 2023, chapter',
      '  2 (yearly report); Foundations.',
      '  Public Health England: outdated from 2021-10-01; Public Health England closed on 1',
      '  October 2021; its work passed to the UK Health Security Agency and the Office for',
      '  Health Improvement and Disparities. Use the UK Health Security Agency (UKHSA) or the',
      '  Office for Health Improvement and Disparities (OHID). Source: Department of Health and',
      '  Social Care, 2021.',
    ]);
  });
});

describe('agency-categories on table rows', () => {
  it('reads the rows below a table header in the section (tables parsed by a GFM-aware parser)', async () => {
    const { agencyCategories } = await import('../src/check/kinds/agency-categories.js');
    const block = (kind: 'heading' | 'paragraph' | 'table-row', text: string, line: number) => ({
      kind,
      text,
      line,
      column: 1,
      segments: [],
      heading: 0,
    });
    const doc = {
      path: 't.md',
      format: 'markdown' as const,
      frontMatter: null,
      comments: [],
      problems: [],
      headings: [{ depth: 2, text: 'Relevant agencies', line: 1, column: 1, block: 0, end: 5 }],
      blocks: [
        block('heading', 'Relevant agencies', 1),
        block('table-row', 'Category | Agencies', 3),
        block('table-row', 'Youth justice | Oxley Youth Offending Service', 5),
        block('table-row', 'Housing | The six district councils (housing functions)', 6),
        block('paragraph', 'Other bodies may be added.', 8),
      ],
    };
    const options = {
      headings: ['relevant agenc*'],
      categories: [{ id: 'youth-offending', label: 'youth offending teams', match: ['youth (offending|justice) (team|service)[s]'] }],
    };
    const ctx = { doc, meta: {} as never, element: undefined, rule: {} as never, asOf: '2026-11-23', documentSchema: undefined };
    expect(agencyCategories.run(ctx, options)).toEqual([
      { messageId: 'unmatched', data: { name: 'Housing | The six district councils (housing functions)' }, place: { line: 6, column: 1 } },
    ]);
  });
});
