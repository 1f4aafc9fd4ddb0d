// Issue 12, part 2: HTML pages and Word documents nested deeper than maxElementDepth are a
// parse-error at the first element past the limit (exit 1), measured before the recursive
// conversion: never a stack overflow reported as internal-error.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linter, OPTIONS, positions } from './robustness/helpers.js';
import { nestedTablesDocx } from './helpers/word.js';
import { cli } from './helpers/cli.js';
import { tooDeepXml } from '../src/parse/docx.js';

const encode = (text: string) => new TextEncoder().encode(text);
const lintHtml = (html: string, limits?: object) => linter.lintFileBytes('page.html', encode(html), { ...OPTIONS, limits });
const nestedDivs = (n: number) =>
  `<!doctype html><html><body>\n<h1>Arrangements</h1>\n${'<div>'.repeat(n)}<p>Independent scrutiny is by the scrutineer.</p>${'</div>'.repeat(n)}\n</body></html>\n`;
const tooDeep = (line: number, column: number) => ({ ruleId: 'parse-error', messageId: 'too-deep', line, column });

describe('HTML element depth', () => {
  it('100,000 nested <div>s: too-deep at the first element past 256 levels, quickly', async () => {
    const start = performance.now();
    const result = await lintHtml(nestedDivs(100_000));
    expect(performance.now() - start).toBeLessThan(2000);
    // html and body are levels 1 and 2, so the 255th <div> (column 254 × 5 + 1) is level 257.
    expect(positions(result)).toEqual([tooDeep(3, 1271)]);
    expect(result.findings[0]!.message).toBe(
      'HTML elements nested more than 256 levels deep (limit maxElementDepth); the document was not checked further',
    );
  });

  it('a page at the limit is read in full; the limit is configurable', async () => {
    const atLimit = await lintHtml(nestedDivs(253)); // html, body, 253 divs, p: 256
    expect(atLimit.findings.map((f) => f.messageId)).not.toContain('too-deep');
    expect(atLimit.elements['independent-scrutiny']).toBeDefined();
    expect(positions(await lintHtml(nestedDivs(254)))).toEqual([tooDeep(3, 1271)]);
    expect(positions(await lintHtml(nestedDivs(10), { maxElementDepth: 5 }))).toEqual([tooDeep(3, 16)]);
  });

  it('the highest limit the config allows (1000) still converts without exhausting the stack', async () => {
    const result = await lintHtml(nestedDivs(990), { maxElementDepth: 1000 });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('internal-error');
    expect(result.findings.map((f) => f.messageId)).not.toContain('too-deep');
  });

  it('elements the parser moves deeper (misnested formatting tags) are measured in the finished tree', async () => {
    // The adoption agency re-creates open <b> elements inside each new <p>: the tree ends deeper than the tags as written.
    const html = `<body>${'<b>'.repeat(40)}${'<p>x'.repeat(3)}</body>`;
    const result = await lintHtml(html, { maxElementDepth: 30 });
    expect(result.findings.map((f) => f.messageId)).toEqual(['too-deep']);
  });

  it('the CLI exits 1 with the finding, not 2 with an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wtlint-deep-'));
    writeFileSync(join(dir, 'page.html'), nestedDivs(100_000));
    const run = await cli(dir, ['check', 'page.html', '-f', 'json']);
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).documents[0].findings;
    expect(findings.map((f: { ruleId: string; messageId: string }) => `${f.ruleId}/${f.messageId}`)).toEqual(['parse-error/too-deep']);
  });

  it('wtlint convert refuses the page with the position (exit 2, as for any page it cannot convert)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wtlint-deep-'));
    writeFileSync(join(dir, 'page.html'), nestedDivs(100_000));
    const run = await cli(dir, ['convert', 'page.html', '-o', 'page.md']);
    expect([run.code, run.stderr]).toEqual([
      2,
      expect.stringContaining('Cannot convert page.html:3:1271: HTML elements nested more than 256 levels deep'),
    ]);
  });
});

describe('Word content depth', () => {
  it('tables nested in tables past the limit: too-deep at the paragraph, before mammoth recurses', async () => {
    // 2,000 levels (6,000 XML elements) overflow mammoth's recursion: the XML is measured first.
    const result = await linter.lintFileBytes('deep.docx', new Uint8Array(await nestedTablesDocx(2000)), OPTIONS);
    expect(positions(result)).toEqual([tooDeep(2, 1)]);
    expect(result.findings[0]!.message).toBe(
      'Word document content (tables in tables, lists in lists) nested more than 256 levels deep (at paragraph 2) (limit maxElementDepth); the document was not checked further',
    );
  });

  it('a depth the XML allows but the HTML it becomes does not (four HTML levels per table) is caught too', async () => {
    // 70 tables: about 210 XML levels, about 280 in HTML (table, tbody, tr, td).
    const result = await linter.lintFileBytes('deep.docx', new Uint8Array(await nestedTablesDocx(70)), OPTIONS);
    expect(positions(result)).toEqual([tooDeep(2, 1)]);
  });

  it('a few nested tables are read normally', async () => {
    const result = await linter.lintFileBytes('deep.docx', new Uint8Array(await nestedTablesDocx(5)), OPTIONS);
    expect(result.findings.map((f) => f.messageId)).not.toContain('too-deep');
    expect(result.findings.map((f) => f.ruleId)).not.toContain('internal-error');
  });
});

describe('tooDeepXml', () => {
  it('counts start tags, not self-closing ones, comments, CDATA or declarations; > inside quotes does not end a tag', () => {
    expect(tooDeepXml('<?xml version="1.0"?><a><b/><!-- <c><c><c> --><![CDATA[<d><d>]]><e x="1>2"><f/></e></a>', 2)).toBeNull();
    expect(tooDeepXml('<a><b><c/></b></a>', 1)).toEqual({ paragraph: 1 });
    expect(tooDeepXml('<w:body><w:p/><w:p><x><y><z>', 3)).toEqual({ paragraph: 2 });
    expect(tooDeepXml('<w:body><w:p></w:p><w:tbl><w:tr><w:tc>', 3)).toEqual({ paragraph: 2 });
  });
  it('a cut-short document is left to the XML parser', () => {
    expect(tooDeepXml('<a><b x="', 1)).toBeNull();
  });
});
