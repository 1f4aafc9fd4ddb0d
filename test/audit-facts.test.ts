// documentFacts: the area facts from a document's front matter, taken from the lint's own parse
// when it parsed the same YAML cleanly as one document, and parsed afresh otherwise.
import { describe, expect, it } from 'vitest';
import { documentFacts } from '../src/audit/facts.js';
import { parseDocument } from '../src/parse/document.js';

const FRONT =
  'kind: yearly-report\npublished: 2025-09-30\nperiod: { start: 2024-04-01, end: 2025-03-31 }\npartners:\n  - name: Eastfield Council\nlocal_authorities: [Eastfield]\n';
const FACTS = {
  published: '2025-09-30',
  periodStart: '2024-04-01',
  periodEnd: '2025-03-31',
  partners: ['Eastfield Council'],
  localAuthorities: ['Eastfield'],
};

describe('documentFacts', () => {
  it("reads the facts of Markdown front matter, with or without the lint's parse", () => {
    const text = `---\r\n${FRONT.replace(/\n/g, '\r\n')}---\r\n\r\n# Report\r\n`;
    const linted = parseDocument({ path: 'report.md', text });
    expect(documentFacts('report.md', text)).toEqual(FACTS);
    expect(documentFacts('report.md', text, linted)).toEqual(FACTS);
  });

  it("uses the lint's data when the lint parsed the same YAML text cleanly", () => {
    const text = `---\n${FRONT}---\n\n# Report\n`;
    const linted = parseDocument({ path: 'report.md', text });
    linted.frontMatter!.data = { ...linted.frontMatter!.data, published: '2025-10-01' };
    expect(documentFacts('report.md', text, linted).published).toBe('2025-10-01');
  });

  it('parses the YAML itself when the lint read other text, found problems, or the text may hold several documents', () => {
    const dotted = `---\n${FRONT}...\n\n# Report\n`;
    expect(documentFacts('report.md', dotted, parseDocument({ path: 'report.md', text: dotted }))).toEqual(FACTS);

    const clean = `---\n${FRONT}---\n\n# Report\n`;
    const troubled = parseDocument({ path: 'report.md', text: clean });
    troubled.frontMatter!.data = { published: '1999-01-01' };
    troubled.problems.push({ messageId: 'yaml-syntax', variant: 'uncoded', data: { detail: 'x' }, line: 2, column: 1 });
    expect(documentFacts('report.md', clean, troubled)).toEqual(FACTS);

    const yaml = `${FRONT}---\nkind: arrangements\n`;
    const two = parseDocument({ path: 'facts.yaml', text: yaml }, { maxDocuments: 2 });
    expect(two.problems).toEqual([]);
    expect(documentFacts('facts.yaml', yaml, two)).toEqual({
      published: null,
      periodStart: null,
      periodEnd: null,
      partners: [],
      localAuthorities: [],
    });
  });
});
