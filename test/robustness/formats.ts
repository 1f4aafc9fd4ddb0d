// What "valid output" means for each --format, for the fuzz run. Every reporter
// in src/report/index.ts must have an entry here: the fuzz test fails for a format that has
// none, so a new reporter (sarif, junit, github, gitlab, csv, html, …) gets its check when it
// lands. A validator throws (or fails an expect) on bad output.
import { expect } from 'vitest';
import { CONTROL } from './invariants.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';

/** No control characters, and no line that GitHub Actions would read as a workflow command. */
function plainLines(output: string): void {
  expect(output.split('\n').filter((line) => CONTROL.test(line) || /^\s*::/.test(line))).toEqual([]);
}

/** XML that a parser accepts: every tag closed in order, text and attributes escaped, no characters XML forbids. */
function wellFormedXml(output: string): void {
  expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(output)).toBe(false);
  const body = output.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const open: string[] = [];
  for (const match of body.matchAll(
    /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g,
  )) {
    expect(match[2], `stray "${match[0]}" in XML text`).toBeDefined();
    if (match[4]) continue;
    if (match[1]) expect(open.pop()).toBe(match[2]);
    else open.push(match[2]!);
  }
  expect(open).toEqual([]);
}

export const FORMAT_VALIDATORS: Record<string, (output: string, documents: number) => void> = {
  stylish: (output) => plainLines(output),
  json: (output, documents) => {
    const parsed = JSON.parse(output) as { version: number; documents: unknown[]; summary: { documents: number } };
    expect([parsed.version, parsed.documents.length, parsed.summary.documents]).toEqual([1, documents, documents]);
  },
  sarif: (output) => {
    const errors = sarifSchemaErrors(JSON.parse(output));
    if (errors) expect(errors).toEqual([]);
  },
  junit: (output) => wellFormedXml(output),
  // Every line is one workflow command; document text can never start another.
  github: (output) => {
    for (const line of output.split('\n').filter(Boolean)) expect(line).toMatch(/^::(?:error|warning|notice)(?: [^:]*)?::[^\r]*$/);
  },
  gitlab: (output) => {
    expect(output.charCodeAt(0)).not.toBe(0xfeff);
    const issues = JSON.parse(output) as { fingerprint: string; location: { path: string } }[];
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  },
  markdown: (output) => plainLines(output),
  // Only the page's own elements: document text never becomes a tag, an attribute or a script.
  html: (output) => {
    const PAGE_TAGS = new Set([
      '!DOCTYPE',
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'header',
      'h1',
      'h2',
      'h3',
      'p',
      'b',
      'span',
      'nav',
      'ul',
      'li',
      'a',
      'section',
      'div',
      'mark',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'br',
      'code',
    ]);
    const tags = [...output.matchAll(/<\/?([^\s>/]+)/g)].map((m) => m[1]!);
    expect(tags.filter((tag) => !PAGE_TAGS.has(tag))).toEqual([]);
    expect(output.match(/<style>/g)).toHaveLength(1);
    expect(output).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; base-uri 'none'; form-action 'none'">/,
    );
    expect(output.match(/ on[a-z]+=/gi)).toBeNull();
  },
};
