// Real prose, written in the varied words partnerships use: the element statuses a careful
// human reader gave each document (the .expected.json beside it) must match exactly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.js';

const dir = join(import.meta.dirname, 'fixtures', 'prose');
const documents = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('element statuses on realistic prose', () => {
  it('has a corpus to check', () => {
    expect(documents.length).toBeGreaterThanOrEqual(10);
  });
  for (const file of documents) {
    it(file, () => {
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.md$/, '.expected.json')), 'utf8')) as Record<string, string>;
      const result = lintText(file, readFileSync(join(dir, file), 'utf8'));
      expect(result.elements).toEqual(expected);
    });
  }
});
