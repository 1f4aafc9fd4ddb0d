// PDFs made inside the tests with pdf-lib, each with an exact layout: lines of text at
// given places and sizes, an outline, pages with no text, a file protected by a password.
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, PDFString, StandardFonts, type PDFFont, type PDFRef } from 'pdf-lib';

export interface Text {
  text: string;
  x?: number;
  y: number;
  size?: number;
  bold?: boolean;
}

export interface PageSpec {
  /** Lines of text; a page without any has none (a scanned page). */
  lines: Text[];
  /** Drawn on every page: the running header and footer. */
  furniture?: boolean;
}

export interface PdfSpec {
  pages: PageSpec[];
  title?: string;
  /** Bookmarks: title, depth (1 = top) and the page (1-based) each points at. */
  outline?: { title: string; depth: number; page: number }[];
  header?: string;
}

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (spec.title) doc.setTitle(spec.title);
  doc.setCreationDate(new Date(Date.UTC(2024, 10, 29)));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  spec.pages.forEach((pageSpec, i) => {
    const page = doc.addPage([595, 842]);
    if (pageSpec.lines.length === 0) {
      page.drawRectangle({ x: 50, y: 50, width: 495, height: 742, borderWidth: 2 });
      return;
    }
    const draw = (t: Text, font: PDFFont) => page.drawText(t.text, { x: t.x ?? 56, y: t.y, size: t.size ?? 11, font });
    for (const line of pageSpec.lines) draw(line, line.bold ? bold : regular);
    if (spec.header) {
      draw({ text: spec.header, y: 810, size: 8 }, regular);
      draw({ text: `Page ${i + 1} of ${spec.pages.length}`, x: 270, y: 30, size: 8 }, regular);
    }
  });
  if (spec.outline) addOutline(doc, spec.outline);
  return doc.save({ useObjectStreams: false });
}

/** pdf-lib has no outline API: the /Outlines tree is written by hand (PDF 32000-1, 12.3.3). */
function addOutline(doc: PDFDocument, entries: { title: string; depth: number; page: number }[]): void {
  const context = doc.context;
  const pages = doc.getPages();
  const root = context.nextRef();
  const refs = entries.map(() => context.nextRef());
  const parentOf = (i: number): PDFRef => {
    for (let j = i - 1; j >= 0; j--) if (entries[j]!.depth < entries[i]!.depth) return refs[j]!;
    return root;
  };
  const children = (parent: PDFRef) => refs.filter((_, i) => parentOf(i) === parent);
  entries.forEach((entry, i) => {
    const parent = parentOf(i);
    const siblings = children(parent);
    const at = siblings.indexOf(refs[i]!);
    const kids = children(refs[i]!);
    const dict = context.obj({});
    dict.set(PDFName.of('Title'), PDFString.of(entry.title));
    dict.set(PDFName.of('Parent'), parent);
    dict.set(PDFName.of('Dest'), context.obj([pages[entry.page - 1]!.ref, PDFName.of('Fit')]));
    if (at > 0) dict.set(PDFName.of('Prev'), siblings[at - 1]!);
    if (at < siblings.length - 1) dict.set(PDFName.of('Next'), siblings[at + 1]!);
    if (kids.length) {
      dict.set(PDFName.of('First'), kids[0]!);
      dict.set(PDFName.of('Last'), kids[kids.length - 1]!);
      dict.set(PDFName.of('Count'), PDFNumber.of(kids.length));
    }
    context.assign(refs[i]!, dict);
  });
  const top = children(root);
  const outlines = context.obj({ Type: 'Outlines' });
  outlines.set(PDFName.of('First'), top[0]!);
  outlines.set(PDFName.of('Last'), top[top.length - 1]!);
  outlines.set(PDFName.of('Count'), PDFNumber.of(top.length));
  context.assign(root, outlines);
  doc.catalog.set(PDFName.of('Outlines'), root);
}

/**
 * A minimal PDF protected by a user password (standard security handler, RC4 40-bit): its
 * /Encrypt dictionary's check values match no empty password, so a reader must ask for one.
 */
export function encryptedPdf(): Uint8Array {
  const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O ${hex32('4f')} /U ${hex32('55')} /P -44 >>`,
  ];
  return assemble(objects, '/Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]');
}

/** A compression bomb: a page whose content stream, deflated twice, is about 2 KB and inflates to `megabytes` MB. */
export function compressionBombPdf(megabytes: number): Uint8Array {
  const stream = deflateSync(deflateSync(Buffer.alloc(megabytes * 1024 * 1024, 0x20), { level: 1 }), { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${stream.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n${stream.toString('latin1')}\nendstream`,
  ];
  return assemble(objects, '/Root 1 0 R');
}

/** A PDF whose page dictionary holds arrays nested `depth` deep. */
export function deeplyNestedPdf(depth: number): Uint8Array {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep ${nested} >>`,
  ];
  return assemble(objects, '/Root 1 0 R');
}

function assemble(objects: string[], trailer: string): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** Brookfield's arrangements over three pages: a contents page with dot leaders, numbered titles, a list, a running header and footer. */
export const CONTENTS: PdfSpec = {
  title: 'Brookfield arrangements',
  header: 'Brookfield Safeguarding Children Partnership arrangements, November 2024',
  pages: [
    {
      lines: [
        { text: 'Brookfield Safeguarding Children Partnership', y: 740, size: 22, bold: true },
        { text: 'Multi-agency safeguarding arrangements', y: 710, size: 16 },
        { text: 'Contents', y: 660, size: 14, bold: true },
        { text: '1. Independent scrutiny ........................................ 2', y: 636 },
        { text: '2. Funding ..................................................... 2', y: 620 },
        { text: '3. Working with schools ........................................ 3', y: 604 },
      ],
    },
    {
      lines: [
        { text: '1. Independent scrutiny', y: 760, bold: true },
        { text: 'An independent scrutineer reviews the work of the part-', y: 736 },
        { text: 'ners every year and reports to the three leaders.', y: 722 },
        { text: 'Her report is published on our website.', y: 708 },
        { text: '2. Funding', y: 676, bold: true },
        { text: 'The three partners share the budget in equal thirds, agreed each spring.', y: 652 },
      ],
    },
    {
      lines: [
        { text: '3. Working with schools', y: 760, bold: true },
        { text: 'Every school and college is a relevant agency. Each one:', y: 736 },
        { text: '•  names a designated safeguarding lead;', y: 718, x: 70 },
        { text: '•  takes part in the yearly safeguarding audit of multi-', y: 704, x: 70 },
        { text: 'agency practice.', y: 690, x: 80 },
        { text: 'Schools Forum Funding', y: 650 },
        { text: 'The forum meets each term.', y: 626 },
      ],
    },
  ],
};
