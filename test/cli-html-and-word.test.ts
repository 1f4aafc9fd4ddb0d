// The CLI on HTML pages and Word documents: folder scans with sidecars, and `wtlint convert`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { westcombeDocx } from './helpers/word.js';

let dir: string;

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd: dir,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => new Uint8Array(),
    isTTY: false,
    today: '2026-11-23',
    env: {},
    out,
    err,
  };
}

const PAGE = [
  '<html><body><nav><a href="/">Home</a></nav>',
  '<main><h1>Brookfield yearly report</h1>',
  '<h2>Funding</h2><p>The partners agreed equitable contributions to the partnership budget.</p></main>',
  '<footer>Cookies</footer></body></html>',
].join('\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wtlint-html-'));
  writeFileSync(join(dir, 'page.html'), PAGE);
  writeFileSync(join(dir, 'page.html.yaml'), 'kind: yearly-report\narea: Brookfield Safeguarding Children Partnership\nedition: 2023\n');
  writeFileSync(join(dir, 'draft.docx'), await westcombeDocx());
  writeFileSync(join(dir, '~$draft.docx'), 'lock');
  writeFileSync(join(dir, 'notes.md'), '---\nkind: arrangements\nedition: 2023\n---\n\n# Notes\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wtlint check on a folder of pages and Word files', () => {
  it('checks .html and .docx, reads sidecars, and skips sidecars and Word lock files', async () => {
    const cli = io();
    const code = await run(['check', '.', '-f', 'json'], cli);
    const report = JSON.parse(cli.out.join('')) as {
      documents: { file: string; kind: string; area: string; findings: { ruleId: string; line: number; message: string }[] }[];
    };
    expect(code).toBe(1);
    expect(report.documents.map((d) => [d.file, d.kind, d.area])).toEqual([
      ['draft.docx', 'arrangements', 'Westcombe Safeguarding Children Partnership'],
      ['notes.md', 'arrangements', 'Notes'],
      ['page.html', 'yearly-report', 'Brookfield Safeguarding Children Partnership'],
    ]);
    expect(report.documents[0]!.findings.filter((f) => f.ruleId === 'document-metadata').map((f) => [f.line, f.message])).toEqual([
      [
        1,
        'Inferred from the text: kind arrangements from its title "Westcombe Safeguarding Children Partnership: safeguarding arrangements" (line 1); ' +
          'edition 2023: is dated 2024-10-02 (from "Published: 2 October 2024" (line 2)); only the 2023 edition was in force then (2023-12-15 on); ' +
          'published 2024-10-02 from "Published: 2 October 2024" (line 2); area Westcombe Safeguarding Children Partnership (line 1).',
      ],
    ]);
    expect(report.documents[2]!.findings.filter((f) => f.ruleId === 'document-metadata')).toEqual([]);
  });
});

describe('wtlint convert', () => {
  it('writes Markdown with the inferred front matter beside a Word file, which then checks the same', async () => {
    const cli = io();
    expect(await run(['convert', 'draft.docx'], cli)).toBe(0);
    expect(cli.out.join('')).toBe(
      'Wrote draft.md (kind, area, edition, published read from the text: check them). Run `wtlint check draft.md`.\n',
    );
    expect(readFileSync(join(dir, 'draft.md'), 'utf8')).toBe(
      [
        '---',
        '# Converted by wtlint from draft.docx; values below were read from its text: check them.',
        'kind: arrangements # from "Westcombe Safeguarding Children Partnership: safeguarding arrangements" (paragraph 1)',
        'area: Westcombe Safeguarding Children Partnership # from "Westcombe Safeguarding Children Partnership: safeguarding arrangements" (paragraph 1)',
        'edition: 2023 # from "Published: 2 October 2024" (paragraph 2)',
        'published: 2024-10-02 # from "Published: 2 October 2024" (paragraph 2)',
        '---',
        '',
        '# Westcombe Safeguarding Children Partnership: safeguarding arrangements',
        '',
        'Published: 2 October 2024',
        '',
        '# Funding',
        '',
        'The partners fund the arrangements through a pooled budget with equitable contributions.',
        '',
      ].join('\n'),
    );
    const check = io();
    await run(['check', 'draft.docx', 'draft.md', '-f', 'json'], check);
    const [docx, md] = (JSON.parse(check.out.join('')) as { documents: { elements: object }[] }).documents;
    expect(md!.elements).toEqual(docx!.elements);
  });

  it('refuses to overwrite an existing output', async () => {
    const cli = io();
    expect(await run(['convert', 'page.html', '-o', 'notes.md'], cli)).toBe(2);
    expect(cli.err.join('')).toBe(
      'wtlint: notes.md already exists; wtlint convert never overwrites a file\nName another output with -o, or move the existing file first.\n',
    );
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('---\nkind: arrangements\nedition: 2023\n---\n\n# Notes\n');
  });

  it('refuses Markdown input', async () => {
    const cli = io();
    expect(await run(['convert', 'notes.md', '-o', 'other.md'], cli)).toBe(2);
    expect(existsSync(join(dir, 'other.md'))).toBe(false);
  });

  it('writes to standard output with -o -, taking the front matter from the sidecar as written', async () => {
    const cli = io();
    expect(await run(['convert', 'page.html', '-o', '-'], cli)).toBe(0);
    expect(cli.out.join('')).toBe(
      [
        '---',
        'kind: yearly-report',
        'area: Brookfield Safeguarding Children Partnership',
        'edition: 2023',
        '---',
        '',
        '# Brookfield yearly report',
        '',
        '## Funding',
        '',
        'The partners agreed equitable contributions to the partnership budget.',
        '',
      ].join('\n'),
    );
  });
});
