// An HTML page, Word document or PDF as a Markdown document with front matter (`wtlint
// convert`), so a draft written in Word can move into a repository and be linted from then on.
// Pure: bytes in, text out; the CLI reads and writes the files.
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { Document } from 'yaml';
import type { Nodes, Root } from 'mdast';
import { conversionLimits, convertToHtml, readPdfBody, tooDeep, type ConversionProblem } from './body.js';
import { partsFromMdast } from '../markdown.js';
import { normaliseText, parseConverted, type ConvertedFormat, type Sidecar } from '../document.js';
import { inferMetaFromText, type InferredValue } from '../../extract/text-meta.js';
import { hintedMeta } from '../../extract/pdf-hints.js';
import type { PdfReader } from '../pdf-body.js';
import type { Limits } from '../limits.js';

export interface ConvertOptions {
  /** Editions the packs know: an edition is inferred only when the text names one of them. */
  editions: string[];
  sidecar?: Sidecar;
  maxBytes?: number;
  /** The limits, as for checking (element depth; a PDF's pages and size), and the PDF reader. */
  limits?: Partial<Limits>;
  readPdf?: PdfReader;
  /** The date a PDF's creation date is judged against before it is taken as a hint for `published`. */
  asOf?: string;
}

export type Conversion = { ok: true; markdown: string; inferred: InferredValue[] } | ConversionProblem;

export async function convertDocument(path: string, format: ConvertedFormat, bytes: Uint8Array, options: ConvertOptions): Promise<Conversion> {
  const tree = await treeOf(format, bytes, options);
  if (!tree.ok) return tree;
  const { mdast, hints } = tree;
  const body = toMarkdown(withoutEmptyImages(mdast), { extensions: [gfmTableToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
  if (options.sidecar) {
    const yaml = normaliseText(options.sidecar.text).replace(/\n*$/, '\n');
    return { ok: true, markdown: `---\n${yaml}---\n\n${body}`, inferred: [] };
  }
  const doc = parseConverted(path, format, partsFromMdast(mdast));
  const fromText = inferMetaFromText(doc, options.editions);
  const inferred = hints && options.asOf ? [...fromText, ...hintedMeta(hints, fromText, options.editions, options.asOf)] : fromText;
  return { ok: true, markdown: `---\n${frontMatterOf(inferred, format, path, tree.linePages)}---\n\n${body}`, inferred };
}

/** The document's body as mdast, and a PDF's own Title and date. */
async function treeOf(format: ConvertedFormat, bytes: Uint8Array, options: ConvertOptions): Promise<{ ok: true; mdast: Root; hints?: { title?: string; created?: string }; linePages?: number[] } | ConversionProblem> {
  if (format === 'pdf') {
    const pdf = await readPdfBody(bytes, options);
    if (!pdf.ok) return pdf;
    const fatal = pdf.problems.find((p) => p.messageId === 'pdf-no-text' || p.messageId === 'empty');
    if (fatal) return { ok: false, messageId: fatal.messageId, message: fatal.message, line: 1, column: 1 };
    return { ok: true, mdast: pdf.root, hints: pdf.hints, linePages: pdf.linePages };
  }
  const limits = conversionLimits(options);
  const html = await convertToHtml(format, bytes, limits);
  if (!html.ok) return html;
  const { htmlTree } = await import('../html.js');
  const converted = htmlTree(html.html, format === 'docx' ? 'paragraphs' : 'source', limits.maxElementDepth);
  return converted.ok ? { ok: true, mdast: converted.mdast } : tooDeep(format, converted, limits.maxElementDepth);
}

const KEYS = ['kind', 'area', 'edition', 'published'] as const;

/** The inferred keys, each with a comment saying where it was read; the others as comments to fill in. */
function frontMatterOf(inferred: InferredValue[], format: ConvertedFormat, path: string, linePages?: number[]): string {
  const yaml = new Document({});
  const unit = format === 'docx' ? 'paragraph' : 'line';
  const pageOf = (line: number) => (linePages?.[line - 1] !== undefined ? `, page ${linePages[line - 1]}` : '');
  const missing: (typeof KEYS)[number][] = [];
  for (const key of KEYS) {
    const value = inferred.find((v) => v.key === key);
    if (!value) {
      missing.push(key);
      continue;
    }
    const node = yaml.createNode(value.value);
    node.comment = 'hint' in value ? ` from the PDF's ${String(value.hint)} (the text does not say)` : ` from "${value.quote}" (${unit} ${value.line}${pageOf(value.line)})`;
    yaml.set(key, node);
  }
  const name = path.split(/[\\/]/).pop();
  const header = `# Converted by wtlint from ${name}; values below were read from its text: check them.\n`;
  const body = inferred.length ? yaml.toString({ lineWidth: 0 }) : '';
  const todo = missing.map((key) => `# ${key}: ${PROMPTS[key]}   (not found in the text)\n`).join('');
  return header + body + todo;
}

const PROMPTS: Record<(typeof KEYS)[number], string> = {
  kind: 'arrangements | yearly-report',
  area: 'the partnership name',
  edition: '2018 | 2023',
  published: 'YYYY-MM-DD',
};

/** Word images arrive without a source (src/parse/docx.ts drops their data): nothing to keep. */
function withoutEmptyImages<T extends Nodes>(node: T): T {
  if ('children' in node) {
    const kept = (node.children as Nodes[]).filter((child) => !(child.type === 'image' && !child.url)).map(withoutEmptyImages);
    (node as { children: Nodes[] }).children = kept;
  }
  return node;
}
