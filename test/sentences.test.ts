// How block text is cut into sentences (src/extract/elements.ts).
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/extract/elements.js';

describe('splitSentences', () => {
  it('gives each sentence trimmed, with its offset in the text', () => {
    expect(splitSentences('The partners agree.  Schools are named!\tIs it funded? yes, e.g. by all.')).toEqual([
      { text: 'The partners agree.', offset: 0 },
      { text: 'Schools are named!', offset: 21 },
      { text: 'Is it funded? yes, e.g. by all.', offset: 40 },
    ]);
  });
});
