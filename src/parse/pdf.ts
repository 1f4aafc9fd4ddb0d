// PDF bytes → the text items, outline, tagged structure and properties that
// src/parse/pdf-layout.ts recovers the document's structure from. Mozilla's PDF.js
// (pdfjs-dist, its legacy build for Node) does the reading, loaded on the first PDF met so
// that Markdown runs never pay for it. Its worker runs in this thread (no worker file, no
// network): a time limit is the caller's to enforce (the CLI reads PDFs in a worker thread,
// src/engine/pdf-reader.ts). The PDF's JavaScript never runs (isEvalSupported off, no XFA,
// no scripting), nothing is fetched, and fonts are never installed.
import type { OutlineEntry, PdfContent, PdfItem, PdfPage, StructTag } from './pdf-layout.js';
import type { ParseMessageOf } from '../reserved.js';

export interface PdfReadOptions {
  /** Most pages read (limit maxPages); a longer PDF is a finding. */
  maxPages: number;
  /** Folders of PDF.js's own CMap and standard-font files, when the caller knows where the package is. */
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

export type PdfProblemId = 'pdf-encrypted' | 'pdf-corrupt' | 'pdf-too-many-pages' | 'pdf-too-slow' | 'pdf-too-big';

export type PdfRead = { ok: true; content: PdfContent } | ({ ok: false } & ParseMessageOf<PdfProblemId>);

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;

/** PDF.js with its worker in this thread: `globalThis.pdfjsWorker` is where it looks for one. */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // @ts-expect-error: the worker module ships without type declarations
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions): Promise<PdfRead> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // PDF.js takes ownership of (detaches) the buffer it is given: a copy keeps the caller's bytes intact.
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    fontExtraProperties: true,
    stopAtErrors: false,
    isOffscreenCanvasSupported: false,
    verbosity: lib.VerbosityLevel.ERRORS,
    ...(options.cMapUrl && { cMapUrl: options.cMapUrl, cMapPacked: true }),
    ...(options.standardFontDataUrl && { standardFontDataUrl: options.standardFontDataUrl }),
  });
  // A password prompt would wait for ever: refuse at once.
  task.onPassword = () => task.destroy();
  try {
    const pdf = await task.promise;
    if (pdf.numPages > options.maxPages) {
      return {
        ok: false,
        messageId: 'pdf-too-many-pages',
        data: { pages: pdf.numPages, max: options.maxPages },
      };
    }
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await readPage(await pdf.getPage(n)));
    const [outline, meta] = await Promise.all([readOutline(pdf), pdf.getMetadata().catch(() => null)]);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const text = (key: string) =>
      typeof info[key] === 'string' && (info[key] as string).trim() ? (info[key] as string).trim() : undefined;
    return {
      ok: true,
      content: {
        pages,
        outline,
        ...(text('Title') && { title: text('Title') }),
        ...(pdfDate(text('CreationDate')) && { created: pdfDate(text('CreationDate')) }),
      },
    };
  } catch (error) {
    return problemOf(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function problemOf(error: unknown): Extract<PdfRead, { ok: false }> {
  const name = error instanceof Error ? error.name : '';
  const reason = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(reason)) {
    return { ok: false, messageId: 'pdf-encrypted' };
  }
  return {
    ok: false,
    messageId: 'pdf-corrupt',
    variant: 'reader',
    data: { detail: (reason.split('\n')[0] ?? reason).replace(/[.\s]+$/, '') },
  };
}

interface PageProxy {
  view: number[];
  pageNumber: number;
  getTextContent(options: { includeMarkedContent: boolean }): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<unknown>;
  getStructTree(): Promise<StructNode | null>;
  commonObjs: { has(id: string): boolean; get(id: string): { name?: string; bold?: boolean; black?: boolean } | undefined };
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

interface RawText {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

async function readPage(page: PageProxy): Promise<PdfPage> {
  const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
  const content = await page.getTextContent({ includeMarkedContent: true });
  const tags = structTags(await page.getStructTree().catch(() => null));
  const raw: { item: RawText; tag?: StructTag }[] = [];
  const open: (string | undefined)[] = [];
  for (const entry of content.items as ({ type?: string; id?: string } & Partial<RawText>)[]) {
    if (entry.type === 'beginMarkedContentProps' || entry.type === 'beginMarkedContent') open.push(entry.id);
    else if (entry.type === 'endMarkedContent') open.pop();
    else if (typeof entry.str === 'string' && entry.str !== '') {
      const id = [...open].reverse().find((i) => i !== undefined && tags.has(i));
      raw.push({ item: entry as RawText, ...(id && { tag: tags.get(id)! }) });
    }
  }
  // Font names (and so bold) are known once the page's fonts are loaded, which costs as much as
  // reading the text: a tagged page says what is strong in its structure tree instead, and a
  // page without text loads nothing.
  const fontsNeeded = raw.length > 0 && tags.size === 0;
  if (fontsNeeded) await page.getOperatorList().catch(() => undefined);
  const fontOf = (id: string) => (fontsNeeded && page.commonObjs.has(id) ? page.commonObjs.get(id) : undefined);
  const items: PdfItem[] = [];
  for (const { item, tag } of raw) {
    const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
    // Text turned on its side (a watermark, a label up a margin) is not part of the reading order.
    if (Math.abs(b) > Math.abs(a) * 0.1) continue;
    const font = fontOf(item.fontName);
    const bold = tag ? Boolean(tag.strong) : Boolean(font?.bold || font?.black || /bold|black|heavy|semibold|demi/i.test(font?.name ?? ''));
    items.push({
      text: item.str,
      x: e - left,
      y: f - bottom,
      width: item.width,
      size: Math.hypot(a, b) || item.height,
      bold,
      ...(tag && { tag }),
    });
  }
  return { number: page.pageNumber, width: right - left, height: top - bottom, items };
}

const BLOCK_ROLES = /^(?:H[1-6]?|P|LI|TR|Caption|BlockQuote|Title)$/;

/** For each marked-content id of the page, the structure element that holds it (a heading, paragraph, list item or table row). */
function structTags(tree: StructNode | null): Map<string, StructTag> {
  const tags = new Map<string, StructTag>();
  let next = 0;
  const walk = (node: StructNode, block: StructTag | undefined, cell: number | undefined, depth: number, strong = false) => {
    if (depth > 200) return; // a structure tree this deep is broken; what is above is kept
    if (node.type === 'content' && node.id && block) {
      tags.set(node.id, { ...block, ...(cell !== undefined && { cell }), ...(strong && { strong }) });
      return;
    }
    const role = node.role ?? '';
    if (role === 'Strong' || role === 'B') strong = true;
    let here = block;
    let hereCell = cell;
    if (role === 'Artifact') return;
    // Inside a list item or table row, paragraphs belong to it; a nested item or row is its own.
    const inside = block && (block.role === 'LI' || block.role === 'TR') && role !== 'LI' && role !== 'TR';
    if (BLOCK_ROLES.test(role) && !inside) {
      const level = /^H([1-6])$/.exec(role)?.[1];
      here = {
        role: level ? 'H' : role === 'Title' ? 'H' : role,
        id: next++,
        ...(level ? { level: Number(level) } : role === 'Title' ? { level: 1 } : {}),
      };
    }
    if (role === 'TD' || role === 'TH') hereCell = next++;
    for (const child of node.children ?? []) walk(child, here, hereCell, depth + 1, strong);
  };
  if (tree) walk(tree, undefined, undefined, 0);
  return tags;
}

interface DocumentProxy {
  getOutline(): Promise<{ title: string; dest: string | unknown[] | null; items: unknown[] }[] | null>;
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: unknown): Promise<number>;
}

type OutlineNode = { title: string; dest: string | unknown[] | null; items: OutlineNode[] };

/** The bookmarks, depth-first, with the page each points at when it can be resolved. */
async function readOutline(pdf: DocumentProxy): Promise<OutlineEntry[]> {
  const top = (await pdf.getOutline().catch(() => null)) as OutlineNode[] | null;
  const entries: OutlineEntry[] = [];
  const visit = async (nodes: OutlineNode[], depth: number) => {
    for (const node of nodes) {
      if (entries.length >= 5000 || depth > 20) return;
      const page = await pageOf(pdf, node.dest);
      entries.push({ title: node.title.replace(/\s+/g, ' ').trim(), depth, ...(page !== undefined && { page }) });
      await visit(node.items ?? [], depth + 1);
    }
  };
  await visit(top ?? [], 1);
  return entries.filter((e) => e.title !== '');
}

async function pageOf(pdf: DocumentProxy, dest: string | unknown[] | null): Promise<number | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    const ref = explicit?.[0];
    if (typeof ref === 'number') return ref + 1;
    if (ref && typeof ref === 'object') return (await pdf.getPageIndex(ref)) + 1;
  } catch {
    // an outline entry pointing nowhere still names a heading
  }
  return undefined;
}

/** A PDF date (D:20241129093000+00'00') as YYYY-MM-DD. */
export function pdfDate(value: string | undefined): string | undefined {
  const match = value ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!match) return undefined;
  const [, year, month = '01', day = '01'] = match;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  return `${year}-${month}-${day}`;
}
