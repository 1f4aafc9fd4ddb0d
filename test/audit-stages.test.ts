// audit splits a Markdown document's work between threads: a worker reads and parses it
// (parseTask), the main thread lints the parsed body (auditParsed). The two halves must give
// exactly what auditFile gives in one piece, after the parsed body has crossed a thread.
import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFile, auditParsed, parseTask, type AuditTask } from '../src/audit-run/file.js';
import { planBatch, runAuditTasks } from '../src/audit-run/pool.js';
import { bundledLinter } from '../src/engine/resources.js';
import { documentOfBody, markdownBody, parseDocument, type ParsedDocument } from '../src/parse/document.js';
import type { LintOptions } from '../src/types.js';

const AS_OF = '2026-11-23';
const options: LintOptions = { asOf: AS_OF, limits: { maxLineLength: 5000 } };
const proseDir = join(__dirname, 'fixtures/prose');
const prose = readdirSync(proseDir).filter((f) => f.endsWith('.md') && f !== 'README.md');

/** A parsed document without the YAML library's own objects (each parse makes new ones), its data and text kept. */
const comparable = ({ frontMatter, ...rest }: ParsedDocument) => ({
  ...rest,
  frontMatter: frontMatter && { data: frontMatter.data, text: frontMatter.text, lineOffset: frontMatter.lineOffset },
});

/** Prose fixtures, and documents the lint does not parse as Markdown, each in an area folder of its own. */
function writeTasks(): { tasks: AuditTask[]; unparsed: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'wtlint-stages-'));
  const files: Record<string, string | Uint8Array> = {};
  prose.forEach((name, i) => (files[`area-${i % 6}/${name}`] = readFileSync(join(proseDir, name), 'utf8')));
  const first = readFileSync(join(proseDir, prose[0]!), 'utf8');
  files['area-0/crlf-with-bom.md'] = `\uFEFF${first.replace(/\n/g, '\r\n')}`;
  files['area-1/broken-front-matter.md'] = '---\nkind: [arrangements\n---\n# Our arrangements\n\nThe partners meet monthly.\n';
  const unparsed = {
    'area-2/empty.md': '',
    'area-2/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]),
    'area-3/long-line.md': `# Arrangements\n\n${'word '.repeat(1200)}\n`,
    'area-3/arrangements.yaml': 'kind: arrangements\narea: Oxley Safeguarding Children Partnership\nedition: 2023\n',
    'area-4/page.html': '<html><body><h1>Oxley arrangements</h1><p>The partners meet monthly.</p></body></html>',
  };
  Object.assign(files, unparsed);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const tasks = Object.keys(files)
    .sort()
    .map((display) => ({ absolute: join(root, display), display }));
  return { tasks, unparsed: Object.keys(unparsed).sort() };
}

describe('a Markdown document parsed in one thread and linted in another', () => {
  const linter = bundledLinter();
  const { tasks, unparsed } = writeTasks();

  test('parseTask leaves to auditFile exactly what the lint does not parse as Markdown', () => {
    const left = tasks.filter((t) => parseTask(t, options) === null).map((t) => t.display);
    expect(left).toEqual(unparsed);
  });

  test('auditParsed of a cloned parseTask = auditFile, for every parsed document', async () => {
    let compared = 0;
    for (const task of tasks) {
      const parsed = parseTask(task, options);
      if (!parsed) continue;
      const whole = await auditFile(linter, task, options);
      expect(auditParsed(linter, structuredClone(parsed), options)).toEqual(whole);
      compared++;
    }
    expect(compared).toBe(prose.length + 2);
  });

  test('documentOfBody of a cloned markdownBody = parseDocument of the text; no body where none is parsed', () => {
    for (const name of prose) {
      const source = { path: name, text: readFileSync(join(proseDir, name), 'utf8') };
      const body = markdownBody(source);
      expect(body).not.toBeNull();
      expect(comparable(documentOfBody(name, structuredClone(body!)))).toEqual(comparable(parseDocument(source)));
    }
    for (const [path, text] of [
      ['a.yaml', 'kind: arrangements\n'],
      ['a.md', '  \n'],
      ['a.html', '<p>x</p>'],
    ] as const)
      expect(markdownBody({ path, text })).toBeNull();
    expect(markdownBody({ path: 'a.md', text: `# A\n\n${'x'.repeat(100)}\n` }, { maxLineLength: 50 })).toBeNull();
  });

  test('the pool with a worker (parsing for the main thread) gives every document as the main thread alone does', async () => {
    const collect = async (workers: number) => {
      const got: [number, string][] = [];
      await runAuditTasks(tasks, { workers, options, onProgress: () => undefined, signal: new AbortController().signal }, (i, doc) =>
        got.push([i, JSON.stringify(doc)]),
      );
      return got.sort((a, b) => a[0] - b[0]);
    };
    const inline = await collect(0);
    expect(inline.map(([i]) => i)).toEqual(tasks.map((_, i) => i));
    expect(await collect(1)).toEqual(inline);
  });
});

describe("a worker's next batch (planBatch)", () => {
  const plan = (first: boolean, linting: boolean, unsent: number, ready: number) => planBatch({ first, linting, unsent, ready });

  test('two documents first, then eight parsed for the main thread while it keeps up', () => {
    expect(plan(true, false, 2000, 0)).toEqual({ parseOnly: true, size: 2 });
    expect(plan(false, false, 1990, 10)).toEqual({ parseOnly: true, size: 8 });
    expect(plan(false, true, 1500, 47)).toEqual({ parseOnly: true, size: 8 });
  });

  test('checked whole, eight at a time, once 48 parsed documents wait', () => {
    expect(plan(false, false, 1500, 48)).toEqual({ parseOnly: false, size: 8 });
    expect(plan(false, true, 1500, 60)).toEqual({ parseOnly: false, size: 8 });
  });

  test('at the end, a worker that already lints checks the rest whole, two at a time; one that does not goes on parsing', () => {
    expect(plan(false, true, 30, 30)).toEqual({ parseOnly: false, size: 2 });
    expect(plan(false, true, 31, 30)).toEqual({ parseOnly: true, size: 8 });
    expect(plan(false, false, 30, 30)).toEqual({ parseOnly: true, size: 8 });
    expect(plan(false, true, 1, 0)).toEqual({ parseOnly: true, size: 8 });
  });
});
