import { describe, expect, it } from 'vitest';
import { parseContentsEntry } from '../src/parse/contents-entry.js';

describe('parseContentsEntry', () => {
  it('reads numbered titles with dot leaders and a page', () => {
    expect(parseContentsEntry('9. Thresholds ....... 14')).toEqual({ number: '9', title: 'Thresholds', page: 14, leaders: true });
    expect(parseContentsEntry('4.1 Safeguarding Partners.............6')).toEqual({
      number: '4.1',
      title: 'Safeguarding Partners',
      page: 6,
      leaders: true,
    });
    expect(parseContentsEntry('Independent scrutiny . . . . . 12')).toEqual({ title: 'Independent scrutiny', page: 12, leaders: true });
  });

  it('reads section, part and appendix numbers', () => {
    expect(parseContentsEntry('Section 4 – Funding 12')).toEqual({ number: 'Section 4', title: 'Funding', page: 12, leaders: false });
    expect(parseContentsEntry('Appendix A: Terms of reference\t31')).toEqual({
      number: 'Appendix A',
      title: 'Terms of reference',
      page: 31,
      leaders: false,
    });
  });

  it('reads a title and a page without leaders when it looks like a title', () => {
    expect(parseContentsEntry('Our Budget 14')).toEqual({ title: 'Our Budget', page: 14, leaders: false });
    expect(parseContentsEntry('2. How we work with schools 8')).toEqual({
      number: '2',
      title: 'How we work with schools',
      page: 8,
      leaders: false,
    });
  });

  it('rejects sentences, bare numbers and empty lines', () => {
    expect(parseContentsEntry('We trained 240 practitioners in 2023.')).toBeNull();
    expect(parseContentsEntry('The partnership met on 12 occasions and reviewed cases. It agreed 3')).toBeNull();
    expect(parseContentsEntry('14')).toBeNull();
    expect(parseContentsEntry('   ')).toBeNull();
    expect(parseContentsEntry('Funding')).toBeNull();
    expect(parseContentsEntry('x'.repeat(300) + ' 4')).toBeNull();
  });
});
