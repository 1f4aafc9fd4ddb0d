// PDFs for `npm run bench`: the bench corpus's documents (test/bench/corpus.mjs) typeset with
// pdf-lib (a devDependency) as A4 pages of Helvetica, headings in bold, each with a sidecar
// (`NAME.pdf.yaml`) holding the document's front matter, as a partnership that publishes PDFs
// would give wtlint. Deterministic: same index and size, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadSections, makeDocument } from './corpus.mjs';

const PAGE = [595, 842];
const LINES_PER_PAGE = 52;
const CHARS_PER_LINE = 95;

/** Helvetica's WinAnsi encoding has no glyph for what is outside Latin-1. */
const printable = (text) => text.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, ' ');

/** The Markdown body as lines: headings on their own (bold, larger), paragraphs wrapped, a blank line between. */
function layout(markdown) {
  const lines = [];
  for (const block of markdown.split(/\n{2,}/)) {
    const heading = /^(#{1,6}) (.*)/.exec(block);
    if (heading) {
      lines.push({ text: printable(heading[2]), size: heading[1].length === 1 ? 18 : 13, bold: true }, { text: '' });
      continue;
    }
    let line = '';
    for (const word of printable(block.replace(/^[-*] /gm, '').replace(/[*_`#>|]/g, '')).split(/\s+/)) {
      if (line && line.length + word.length + 1 > CHARS_PER_LINE) {
        lines.push({ text: line });
        line = '';
      }
      line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push({ text: line });
    lines.push({ text: '' });
  }
  return lines;
}

/** A PDF of about `pages` pages, and its sidecar, from document `index` of the bench corpus. */
export async function makePdfDocument(pools, index, kind, pages) {
  const text = makeDocument(pools, index, kind, pages * LINES_PER_PAGE * CHARS_PER_LINE * 0.55);
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date(Date.UTC(2024, 10, 29)));
  doc.setModificationDate(new Date(Date.UTC(2024, 10, 29)));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const lines = layout(text.slice(fm[0].length));
  for (let at = 0, page = 1; at < lines.length; at += LINES_PER_PAGE, page++) {
    const sheet = doc.addPage(PAGE);
    lines.slice(at, at + LINES_PER_PAGE).forEach((line, i) => {
      if (line.text) sheet.drawText(line.text, { x: 50, y: 800 - i * 14.5, size: line.size ?? 10, font: line.bold ? bold : regular });
    });
    sheet.drawText(`Page ${page}`, { x: 280, y: 30, size: 8, font: regular });
  }
  return { pdf: await doc.save({ useObjectStreams: false }), sidecar: `${fm[1]}\n`, pages: doc.getPageCount() };
}

/** One PDF of about `pages` pages (an arrangements document) and its sidecar in `dir`; returns its path and page count. */
export async function writeOnePdf(root, dir, pages) {
  mkdirSync(dir, { recursive: true });
  const made = await makePdfDocument(loadSections(root), 11, 'arrangements', pages);
  const file = join(dir, 'arrangements.pdf');
  writeFileSync(file, made.pdf);
  writeFileSync(`${file}.yaml`, made.sidecar);
  return { file, pages: made.pages };
}

/** `areas` area folders, each with an arrangements PDF and a yearly report PDF of 6-12 pages and their sidecars. */
export async function writePdfAreas(root, dir, areas) {
  const pools = loadSections(root);
  for (let i = 0; i < areas; i++) {
    const areaDir = join(dir, `area-${String(i).padStart(4, '0')}`);
    mkdirSync(areaDir, { recursive: true });
    for (const kind of ['arrangements', 'yearly-report']) {
      const made = await makePdfDocument(pools, i, kind, 6 + ((i * 7 + kind.length) % 7));
      writeFileSync(join(areaDir, `${kind}.pdf`), made.pdf);
      writeFileSync(join(areaDir, `${kind}.pdf.yaml`), made.sidecar);
    }
  }
  return dir;
}
