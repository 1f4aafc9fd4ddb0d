// audit --jobs 2 on areas holding PDFs, from the bundle (the main thread and a worker): each reads its PDFs
// through the PDF reader's own thread (dist/bundle/pdf-worker.js, PDF.js from node_modules),
// and the JSON is the same as from dist/src. An area whose only PDF is scanned is named
// "unreadable document". npm run build first.
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { BUNDLE, DIST, ROOT, runEntry, seen } from '../helpers/entries.js';
import { CONTENTS, makePdf } from '../helpers/pdf.js';
// @ts-expect-error: a plain ESM script without types (the bench's corpus generator)
import { writeCorpus } from '../bench/corpus.mjs';

const dir = mkdtempSync(join(tmpdir(), 'wtlint-bundle-audit-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('audit --jobs 2 with PDFs: the same JSON from the bundle; PDFs counted, a scanned one named', async () => {
  writeCorpus(ROOT, join(dir, 'corpus'), 6);
  const areas = join(dir, 'corpus', 'areas');
  const [first, second] = readdirSync(areas).sort();
  writeFileSync(join(areas, first!, 'brookfield.pdf'), await makePdf(CONTENTS));
  writeFileSync(
    join(areas, first!, 'brookfield.pdf.yaml'),
    'kind: arrangements\narea: Brookfield Safeguarding Children Partnership\nedition: 2023\npublished: 2025-11-29\n',
  );
  writeFileSync(join(areas, second!, 'scan.pdf'), await makePdf({ pages: [{ lines: [] }] }));
  const args = ['audit', 'corpus/areas', '-f', 'json', '--as-of', '2026-11-23', '--jobs', '2'];
  const bundled = runEntry(BUNDLE, args, dir);
  const unbundled = runEntry(DIST, args, dir);
  expect(seen(bundled)).toEqual(seen(unbundled));
  const report = JSON.parse(bundled.stdout) as {
    areas: { documents: { file: string; kind: string | null; findings: { messageId: string }[] }[] }[];
  };
  const pdfs = report.areas.flatMap((a) => a.documents).filter((d) => d.file.endsWith('.pdf'));
  expect(pdfs.map((d) => [d.file.split('/').pop(), d.kind])).toEqual([
    ['brookfield.pdf', 'arrangements'],
    ['scan.pdf', null],
  ]);
  expect(pdfs[1]!.findings.map((f) => f.messageId)).toEqual(['pdf-no-text']);
  // The bundled PDF reader, never the unbundled one, from the audit workers too.
  expect(bundled.loads).toContain('dist/bundle/pdf-worker.js');
  expect(bundled.loads.filter((file) => file.startsWith('dist/src/'))).toEqual([]);
});
