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
import { inferDocument, type Inference } from '../../extract/inference/infer.js';
import { inferredEntries, type InferredKey } from '../../extract/inference/describe.js';
import { applyPdfHints } from '../../extract/pdf-hints.js';
import type { EditionWindow } from '../../extract/meta.js';
import type { InferenceRules } from '../../reference/inference-rules.js';
import type { PdfReader } from '../pdf-body.js';
import type { Limits } from '../limits.js';

export interface ConvertOptions {
  /** The editions the packs know, with when each was in force. */
  editions: EditionWindow[];
  /** The date an undated document is placed at (today, from the CLI). */
  asOf: string;
  /** rules/inference.yaml. */
  rules?: InferenceRules;
  sidecar?: Sidecar;
  maxBytes?: number;
  /** The limits, as for checking (element depth; a PDF's pages and size), and the PDF reader. */
  limits?: Partial<Limits>;
  readPdf?: PdfReader;
}

export type Conversion = { ok: true; markdown: string; inferred: InferredKey[] } | ConversionProblem;

export async function convertDocument(
  path: string,
  format: ConvertedFormat,
  bytes: Uint8Array,
  options: ConvertOptions,
): Promise<Conversion> {
  const tree = await treeOf(format, bytes, options);
  if (!tree.ok) return tree;
  const { mdast, hints } = tree;
  const body = toMarkdown(withoutEmptyImages(mdast), { extensions: [gfmTableToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
  if (options.sidecar) {
    const yaml = normaliseText(options.sidecar.text).replace(/\n*$/, '\n');
    return { ok: true, markdown: `---\n${yaml}---\n\n${body}`, inferred: [] };
  }
  const doc = parseConverted(path, format, partsFromMdast(mdast));
  const input = { editions: options.editions, asOf: options.asOf, rules: options.rules };
  const inference = inferDocument(doc, input);
  if (hints) applyPdfHints(inference, hints, input);
  const { yaml, keys } = frontMatterOf(inference, format, path, tree.linePages);
  return { ok: true, markdown: `---\n${yaml}---\n\n${body}`, inferred: keys };
}

/** The document's body as mdast, and a PDF's own Title and date. */
async function treeOf(
  format: ConvertedFormat,
  bytes: Uint8Array,
  options: ConvertOptions,
): Promise<{ ok: true; mdast: Root; hints?: { title?: string; created?: string }; linePages?: number[] } | ConversionProblem> {
  if (format === 'pdf') {
    const pdf = await readPdfBody(bytes, options);
    if (!pdf.ok) return pdf;
    const fatal = pdf.problems.find((p) => p.messageId === 'pdf-no-text' || p.messageId === 'empty');
    if (fatal) return { ok: false, ...fatal, line: 1, column: 1 };
    return { ok: true, mdast: pdf.root, hints: pdf.hints, linePages: pdf.linePages };
  }
  const limits = conversionLimits(options);
  const html = await convertToHtml(format, bytes, limits);
  if (!html.ok) return html;
  const { htmlTree } = await import('../html.js');
  const converted = htmlTree(html.html, format === 'docx' ? 'paragraphs' : 'source', limits.maxElementDepth);
  return converted.ok ? { ok: true, mdast: converted.mdast } : tooDeep(format, converted, limits.maxElementDepth);
}

const KEYS: readonly InferredKey[] = ['kind', 'area', 'edition', 'period', 'published'];

/**
 * The keys read from the words of the text (or a PDF's properties, said to be hints), each with
 * a comment saying where; the others as comments to fill in (an edition assumed from the as-of
 * date alone is left to the user).
 */
function frontMatterOf(
  inference: Inference,
  format: ConvertedFormat,
  path: string,
  linePages?: number[],
): { yaml: string; keys: InferredKey[] } {
  const yaml = new Document({});
  const unit = format === 'docx' ? 'paragraph' : 'line';
  const pageOf = (line: number) => (linePages?.[line - 1] !== undefined ? `, page ${linePages[line - 1]}` : '');
  const entries = inferredEntries(inference);
  const missing: InferredKey[] = [];
  const keys: InferredKey[] = [];
  for (const key of KEYS) {
    const entry = entries.find((e) => e.key === key);
    const quote = entry && inference[key]!.quote;
    if (!entry || (quote === null && key !== 'kind' && !inference[key]!.hint)) {
      if (key !== 'period' || inference.kind?.value !== 'arrangements') missing.push(key);
      continue;
    }
    const node = yaml.createNode(entry.value);
    const { hint } = inference[key]!;
    node.comment = hint
      ? ` from the PDF's ${hint} (the text does not say)`
      : quote === null
        ? ' from the file name'
        : ` from "${quote}" (${unit} ${entry.place.line}${pageOf(entry.place.line)})`;
    yaml.set(key, node);
    keys.push(key);
  }
  const name = path.split(/[\\/]/).pop();
  const header = `# Converted by wtlint from ${name}; values below were read from its text: check them.\n`;
  const body = keys.length ? yaml.toString({ lineWidth: 0 }) : '';
  const todo = missing.map((key) => `# ${key}: ${PROMPTS[key]}   (not found in the text)\n`).join('');
  return { yaml: header + body + todo, keys };
}

const PROMPTS: Record<InferredKey, string> = {
  kind: 'arrangements | yearly-report',
  area: 'the partnership name',
  edition: '2018 | 2023',
  period: '{ start: YYYY-MM-DD, end: YYYY-MM-DD }',
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
