// The CLI on PDFs: folder scans with sidecars, pages in stylish, convert, migrate, and
// audit naming an unreadable (scanned) PDF instead of reporting its area as missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { CONTENTS, makePdf } from './helpers/pdf.js';

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

const SIDECAR = 'kind: arrangements\narea: Brookfield Safeguarding Children Partnership\nedition: 2023\npublished: 2024-11-29\n';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wtlint-pdf-'));
  const pdf = await makePdf(CONTENTS);
  writeFileSync(join(dir, 'arrangements.pdf'), pdf);
  writeFileSync(join(dir, 'arrangements.pdf.yaml'), SIDECAR);
  writeFileSync(join(dir, 'scan.pdf'), await makePdf({ pages: [{ lines: [] }] }));
  mkdirSync(join(dir, 'areas', 'brookfield'), { recursive: true });
  mkdirSync(join(dir, 'areas', 'eastfield'), { recursive: true });
  writeFileSync(join(dir, 'areas', 'brookfield', 'arrangements.pdf'), pdf);
  writeFileSync(join(dir, 'areas', 'brookfield', 'arrangements.pdf.yaml'), SIDECAR);
  writeFileSync(join(dir, 'areas', 'eastfield', 'arrangements.pdf'), await makePdf({ pages: [{ lines: [] }] }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wtlint check on PDFs', () => {
  it('checks .pdf in a folder, reads its sidecar (never a document itself), and shows the page beside each place', async () => {
    const cli = io();
    const code = await run(['check', '.', '-f', 'json'], cli);
    expect(code).toBe(1);
    const report = JSON.parse(cli.out.join('')) as {
      documents: { file: string; kind: string | null; findings: { messageId: string; page?: number }[] }[];
    };
    expect(report.documents.map((d) => [d.file, d.kind])).toEqual([
      ['areas/brookfield/arrangements.pdf', 'arrangements'],
      ['areas/eastfield/arrangements.pdf', null],
      ['arrangements.pdf', 'arrangements'],
      ['scan.pdf', null],
    ]);
    expect(report.documents[3]!.findings.map((f) => [f.messageId, f.page])).toEqual([['pdf-no-text', undefined]]);
    const stylish = io();
    await run(['check', 'arrangements.pdf'], stylish);
    expect(stylish.out.join('')).toMatch(/^ {2}1:1 p\. 1 +error +The voice of children/m);
  });
});

describe('wtlint convert file.pdf', () => {
  it('writes Markdown with the sidecar as front matter, and the recovered headings', async () => {
    const cli = io();
    expect(await run(['convert', 'arrangements.pdf', '-o', '-'], cli)).toBe(0);
    const markdown = cli.out.join('');
    expect(
      markdown.startsWith(
        `---\n${SIDECAR}---\n\n# Brookfield Safeguarding Children Partnership\n\n## Multi-agency safeguarding arrangements\n\n### 1. Independent scrutiny\n\nAn independent scrutineer reviews the work of the partners every year`,
      ),
    ).toBe(true);
    expect(markdown).toContain(
      '- names a designated safeguarding lead;\n- takes part in the yearly safeguarding audit of multi-agency practice.\n',
    );
  });

  it('a scanned PDF cannot be converted: exit 2 with what to do', async () => {
    const cli = io();
    expect(await run(['convert', 'scan.pdf', '-o', '-'], cli)).toBe(2);
    expect(cli.err.join('')).toContain('Cannot convert scan.pdf: The PDF has no text to read');
  });
});

describe('wtlint migrate and audit on PDFs', () => {
  it('migrate reads a PDF with its sidecar', async () => {
    writeFileSync(join(dir, 'old.pdf'), await makePdf(CONTENTS));
    writeFileSync(join(dir, 'old.pdf.yaml'), SIDECAR.replace('edition: 2023', 'edition: 2018'));
    const cli = io();
    const code = await run(['migrate', 'old.pdf', '--to', '2023', '-f', 'json'], cli);
    expect(code).toBe(1);
    const plan = (
      JSON.parse(cli.out.join('')) as { migration: { file: string; kind: string; from: string; items: { id: string; status: string }[] } }
    ).migration;
    expect([plan.file, plan.kind, plan.from]).toEqual(['old.pdf', 'arrangements', '2018']);
    expect(plan.items.map((item) => item.status)).toContain('todo');
  });

  it('audit counts PDF documents and names an unreadable one instead of "no document"', async () => {
    const cli = io();
    await run(['audit', 'areas', '-f', 'json', '--jobs', '0'], cli);
    const report = JSON.parse(cli.out.join('')) as {
      areas: { name: string; documents: unknown[]; cells: Record<string, { status: string; evidence: string }> }[];
    };
    expect(report.areas.map((a) => [a.name, a.documents.length])).toEqual([
      ['brookfield', 1],
      ['eastfield', 1],
    ]);
    const cell = report.areas[1]!.cells['arrangements/funding']!;
    expect(cell.evidence).toMatch(/^unreadable document: The PDF has no text to read/);
    expect(report.areas[0]!.cells['arrangements/independent-scrutiny']!.status).toBe('present');
  });
});
