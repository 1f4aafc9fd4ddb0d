// Every bundled example printed to PDF by Chromium (a real producer: tagged, with its default
// running header and footer, dates and page numbers) gives the same element statuses as its
// Markdown, with the front matter as a sidecar and without one. Needs /usr/bin/chromium
// (apt-get install chromium): npm run test:browser.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import { bundledLinter } from '../../src/engine/resources.js';
import { AS_OF } from '../helpers.js';
import { chromium, hasChromium } from '../helpers/chromium.js';
import { readPdf } from '../../src/parse/pdf.js';
import type { PdfReader } from '../../src/parse/pdf-body.js';

/** Reads a PDF as if it were not tagged. */
const withoutTags: PdfReader = async (bytes, options) => {
  const read = await readPdf(bytes, options);
  if (read.ok) for (const page of read.content.pages) for (const item of page.items) delete item.tag;
  return read;
};

const ROOT = join(import.meta.dirname, '..', '..');
const examples = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md') && file.includes('/'))
  .sort();

/** The example's body as a web page, printed to PDF by Chromium with its default header and footer. */
function printed(markdown: string, title: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'wtlint-pdf-'));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${micromark(markdown, { extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] })}</main></body></html>`;
  writeFileSync(join(dir, 'page.html'), html);
  chromium([`--print-to-pdf=${join(dir, 'page.pdf')}`, join(dir, 'page.html')]);
  return new Uint8Array(readFileSync(join(dir, 'page.pdf')));
}

describe.skipIf(!hasChromium)('each example printed to PDF by Chromium', () => {
  const linter = bundledLinter();
  for (const example of examples) {
    it(example, async () => {
      const source = readFileSync(join(ROOT, 'examples', example), 'utf8');
      const [, yaml = '', body = source] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
      const name = example.split('/').pop()!.replace(/\.md$/, '.pdf');
      const pdf = printed(body, name.replace(/\.pdf$/, '').replace(/-/g, ' '));
      const markdown = await linter.lintFileBytes(example, new TextEncoder().encode(source), { asOf: AS_OF });
      const withSidecar = await linter.lintFileBytes(name, pdf, { asOf: AS_OF, sidecar: { path: `${name}.yaml`, text: `${yaml}\n` } });
      expect(withSidecar.elements).toEqual(markdown.elements);
      // Without a sidecar, only what the text says is known: compare with the Markdown holding just those keys.
      const bare = await linter.lintFileBytes(name, pdf, { asOf: AS_OF, edition: markdown.edition ?? undefined });
      const textOnly = await linter.lintFileBytes(example, new TextEncoder().encode(`---\nkind: ${markdown.kind}\n---\n${body}`), {
        asOf: AS_OF,
        edition: markdown.edition ?? undefined,
      });
      expect(bare.kind).toBe(markdown.kind);
      expect(bare.elements).toEqual(textOnly.elements);
      // The same PDF with its structure tree ignored: headings, lists and tables from the layout alone.
      const untagged = await linter.lintFileBytes(name, pdf, {
        asOf: AS_OF,
        sidecar: { path: `${name}.yaml`, text: `${yaml}\n` },
        readPdf: withoutTags,
      });
      expect(untagged.elements).toEqual(markdown.elements);
    });
  }
});
