// The structure plain text keeps in its lines: contents lists, title lines, signature blocks.
// Every text here is written for the test, copying the shapes of converted PDFs and pasted
// web pages (not their words).
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/markdown.js';
import { findContentsLists } from '../src/parse/plain/contents-list.js';
import { findPlainHeadings, headingShape } from '../src/parse/plain/headings.js';
import { linesOf } from '../src/parse/plain/lines.js';
import { findSignatureBlocks, type SignatureVocabulary } from '../src/parse/plain/signatures.js';
import { PackRegExp } from '../src/pack/regex.js';
import { readPlainStructure } from '../src/parse/plain/structure.js';

const lines = (text: string) => linesOf(parseMarkdown(text).blocks);
const titles = (text: string) => findContentsLists(lines(text)).map((list) => list.items.map((item) => item.title));

describe('contents lists', () => {
  it('reads the entries under a "Contents" line, one to a line, with leaders and pages', () => {
    const text =
      'Westvale Partnership\n\nContents\n\n1. Opening words ....... 2\n\n2. Who we are ...... 3\n\n3. Paying for the work ............ 7\n\nOpening words\n\nThis plan sets out how we work.';
    expect(titles(text)).toEqual([['Opening words', 'Who we are', 'Paying for the work']]);
    const [list] = findContentsLists(lines(text));
    // Markdown reads "3. " as a list item's number: the entry's text starts after it.
    expect(list!.items[2]).toEqual({ title: 'Paying for the work', page: 7, leaders: true, line: 9, column: 4 });
  });

  it('splits a line that holds several entries, as PDF transcripts print them', () => {
    expect(titles('Contents Opening words 2 Who we are 3 Paying for the work 7 Checking our work 9')).toEqual([
      ['Opening words', 'Who we are', 'Paying for the work', 'Checking our work'],
    ]);
    expect(titles('Contents\n1. Opening words ..... 2 2. Who we are ..... 3 3. Learning from cases ..... 5')).toEqual([
      ['Opening words', 'Who we are', 'Learning from cases'],
    ]);
  });

  it('keeps an entry that names several pages, and leaders of any length', () => {
    const text = `Contents\n\nMembers and Appendix 1 12 & 30\n\nHow decisions are made ${'.'.repeat(300)} 14\n\nSharing what we know 16, 17 & 40`;
    expect(titles(text)).toEqual([['Members and Appendix 1', 'How decisions are made', 'Sharing what we know']]);
  });

  it('reads titles without pages under the heading, up to the first section', () => {
    const text =
      'Contents\n\n- Opening words\n- Who we are\n- Checking our work\n\nOpening words\n\nWe are three organisations working as one.';
    expect(titles(text)).toEqual([['Opening words', 'Who we are', 'Checking our work']]);
  });

  it('reads a run of entries with rising page numbers without a heading', () => {
    expect(titles('Opening words ....... 2\nWho we are ....... 3\nPaying for the work ....... 7')).toEqual([
      ['Opening words', 'Who we are', 'Paying for the work'],
    ]);
  });

  it('does not read figures, a short run or prose as a contents list', () => {
    expect(titles('Referrals received 2300\nAssessments completed 2100\nPlans started 400')).toEqual([]);
    expect(titles('Opening words ....... 2\nWho we are ....... 3')).toEqual([]);
    expect(
      titles(
        '- Ann Lee, Chief Executive, Westvale Council, 4 May 2024\n- Tom Hale, Chief Constable, Westvale Police, 6 May 2024\n- Jo Ray, Chief Nurse, Westvale ICB, 9 May 2024',
      ),
    ).toEqual([]);
    expect(titles('Schools 12\nColleges 12\nNurseries 12')).toEqual([]);
    expect(titles('Contents of the newsletter were agreed by the group.')).toEqual([]);
  });
});

describe('plain-text headings', () => {
  it('knows the three shapes', () => {
    expect(headingShape('4.1 Who the partners are')).toEqual({
      depth: 3,
      title: 'Who the partners are',
      number: '4.1',
      needsContext: false,
    });
    expect(headingShape('Section 5: Paying for the work')).toMatchObject({ depth: 2, title: 'Paying for the work', number: 'Section 5' });
    expect(headingShape('WHAT WE WILL DO NEXT')).toMatchObject({ depth: 2, needsContext: false });
    expect(headingShape('Checking our work')).toMatchObject({ depth: 3, needsContext: true });
  });

  it('rules out sentences, dates, wrapped lines and counts', () => {
    expect(headingShape('The partners met monthly.')).toBeNull();
    expect(headingShape('1 April 2024 to 31 March 2025')).toBeNull();
    expect(headingShape('The three organisations that lead the')).toBeNull();
    expect(headingShape('- Opening words')).toBeNull();
    expect(headingShape('12 schools and colleges took part in the audit')).toBeNull();
    expect(headingShape('12 Schools And Colleges Took Part In The Audit')).toMatchObject({ needsContext: true });
  });

  it('finds title lines between paragraphs, the numbered and capitals ones anywhere, and the title', () => {
    const text = [
      'Westvale Children’s Partnership',
      'Arrangements for keeping children safe',
      '',
      'This document says how the partners work together. It was agreed in spring.',
      'Checking our work',
      'An outside reviewer looks at what we do every year and reports to the partners.',
      '2.3 Paying for the work',
      'Each partner pays a share.',
      '',
      'WHAT WE WILL DO NEXT',
      '',
      'We will publish a report each autumn on what we did',
      'and what difference it made.',
    ].join('\n');
    const found = findPlainHeadings(lines(text)).map((h) => [h.depth, h.title]);
    expect(found).toEqual([
      [1, 'Westvale Children’s Partnership'],
      [2, 'Arrangements for keeping children safe'],
      [3, 'Checking our work'],
      [3, 'Paying for the work'],
      [2, 'WHAT WE WILL DO NEXT'],
    ]);
  });

  it('does not take a wrapped line, a list of short lines or a line before lower case for a heading', () => {
    const text =
      'The partners agree that the reviewer\nWill Report every year to the three of them.\n\nApples\n\nPears\n\nThe plan was agreed.\nSome Title Here\nand then the sentence goes on.';
    expect(findPlainHeadings(lines(`Intro line.\n\n${text}`)).map((h) => h.title)).toEqual([]);
  });
});

/** A pack's expression as compiled for scanning (src/pack/load.ts). */
const scanning = (re: RegExp) => new PackRegExp(re.source, `g${re.flags}`);

const vocabulary: SignatureVocabulary = {
  posts: [
    { pattern: scanning(/\bChief Constable\b/iu), partner: 'police' },
    { pattern: scanning(/\bDirector of Children(?:['’]s)? Services\b/iu), partner: 'local-authority' },
    { pattern: scanning(/\bChief Nurse\b/iu), partner: 'health' },
    { pattern: scanning(/\bChief Executive\b/iu) },
  ],
  organisations: [
    { pattern: scanning(/\b(?:[\p{Lu}][\p{L}]+ )+Council\b/u), partner: 'local-authority' },
    { pattern: scanning(/\b(?:NHS )?(?:[\p{Lu}][\p{L}]+ )+(?:Integrated Care Board|ICB)\b/u), partner: 'health' },
    { pattern: scanning(/\b(?:[\p{Lu}][\p{L}]+ )+(?:Police|Constabulary)\b/u), partner: 'police' },
  ],
};
const signatures = (text: string) =>
  findSignatureBlocks(lines(text), vocabulary).map(({ names, partners, posts }) => ({ names, partners, posts }));

describe('signature blocks', () => {
  it('reads names, posts and organisations stacked one to a line', () => {
    const text =
      'Agreed by the partners.\n\nPriya Okafor\nChief Executive\nWestvale Borough Council\n\nTom Hale\nChief Constable\nWestvale Police\n\nDr Ann Ruiz\nChief Nurse\nNHS Westvale ICB';
    expect(signatures(text)).toEqual([
      {
        names: ['Priya Okafor', 'Tom Hale', 'Dr Ann Ruiz'],
        partners: ['local-authority', 'police', 'health'],
        posts: ['Chief Executive', 'Chief Constable', 'Chief Nurse'],
      },
    ]);
  });

  it('reads one signatory to a line, and columns flattened into lines', () => {
    expect(signatures('Priya Okafor, Chief Executive, Westvale Borough Council')).toEqual([
      { names: ['Priya Okafor'], partners: ['local-authority'], posts: ['Chief Executive'] },
    ]);
    const columns =
      'Priya Okafor  Tom Hale  Ann Ruiz\nDirector of Children’s Services  Chief Constable  Chief Nurse\nWestvale Borough Council  Westvale Police  NHS Westvale ICB';
    expect(signatures(columns)).toEqual([
      {
        names: ['Priya Okafor', 'Tom Hale', 'Ann Ruiz'],
        partners: ['local-authority', 'police', 'health'],
        posts: ['Director of Children’s Services', 'Chief Constable', 'Chief Nurse'],
      },
    ]);
  });

  it('reads a block run into the end of a paragraph', () => {
    const text =
      'We will keep every child safe and listen to what they tell us. Westvale Together Priya Okafor Tom Hale Director of Children’s Services Chief Constable Westvale Borough Council Westvale Police';
    expect(signatures(text)).toEqual([
      {
        names: ['Priya Okafor Tom Hale'],
        partners: ['local-authority', 'police'],
        posts: ['Director of Children’s Services', 'Chief Constable'],
      },
    ]);
  });

  it('reads the block after the last sentence stop of a line, with "and" between names, where it starts', () => {
    const text =
      'It was agreed; and Priya Okafor Chief Executive Westvale Borough Council.  Tom Hale and Sam Lee Chief Constable Westvale Police';
    expect(findSignatureBlocks(lines(text), vocabulary).map(({ names, posts, column }) => ({ names, posts, column }))).toEqual([
      { names: ['Tom Hale', 'Sam Lee'], posts: ['Chief Constable'], column: 76 },
    ]);
  });

  it('does not read a sentence about the posts, or posts without a person', () => {
    expect(signatures('The Chief Constable and the Director of Children’s Services meet every quarter to review the plan.')).toEqual([]);
    expect(signatures('Chief Executive\nWestvale Borough Council')).toEqual([]);
  });
});

describe('readPlainStructure', () => {
  it('takes contents lines out of the prose and makes title lines headings with their sections', () => {
    const text =
      'Westvale Partnership Arrangements\n\nContents\n1. Who we are ..... 2\n2. Paying for the work ..... 3\n\n1. Who we are\nThree organisations lead the work.\n\n2. Paying for the work\nTBC';
    const parts = parseMarkdown(text);
    const structure = readPlainStructure(parts, { headings: true });
    expect(structure.contents[0]!.items.map((i) => i.title)).toEqual(['Who we are', 'Paying for the work']);
    expect(structure.headings.map((h) => [h.depth, h.text, h.line])).toEqual([
      [1, 'Westvale Partnership Arrangements', 1],
      // Markdown reads "1. " as a list item's number: the titles are read as short lines.
      [3, 'Who we are', 7],
      [3, 'Paying for the work', 10],
    ]);
    const sections = structure.headings.map((h) => structure.blocks.slice(h.block + 1, h.end).map((b) => b.text));
    expect(sections[1]).toEqual(['Three organisations lead the work.']);
    expect(sections[2]).toEqual(['TBC']);
    expect(structure.blocks.some((b) => b.text.includes('.....'))).toBe(false);
    expect(structure.blocks.find((b) => b.text === 'TBC')).toMatchObject({ line: 11, column: 1, heading: 2 });
  });

  it('leaves a document with Markdown headings as it is, contents apart', () => {
    const parts = parseMarkdown('# Title\n\n## Who we are\n\nThree organisations.\n\n## Funding\n\nShared equally.');
    const structure = readPlainStructure(parts, { headings: false });
    expect(structure.headings).toBe(parts.headings);
    expect(structure.blocks).toBe(parts.blocks);
  });
});
