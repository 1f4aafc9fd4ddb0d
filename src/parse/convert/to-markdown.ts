// An HTML page or Word document as a Markdown document with front matter (`wtlint convert`),
// so a draft written in Word can move into a repository and be linted from then on.
// Pure: bytes in, text out; the CLI reads and writes the files.
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { Document } from 'yaml';
import type { Nodes } from 'mdast';
import { convertToHtml, type ConversionProblem } from './body.js';
import { partsFromMdast } from '../markdown.js';
import { normaliseText, parseConverted, type ConvertedFormat, type Sidecar } from '../document.js';
import { inferMetaFromText, type InferredValue } from '../../extract/text-meta.js';

export interface ConvertOptions {
  /** Editions the packs know: an edition is inferred only when the text names one of them. */
  editions: string[];
  sidecar?: Sidecar;
  maxBytes?: number;
}

export type Conversion = { ok: true; markdown: string; inferred: InferredValue[] } | ConversionProblem;

export async function convertDocument(path: string, format: ConvertedFormat, bytes: Uint8Array, options: ConvertOptions): Promise<Conversion> {
  const html = await convertToHtml(format, bytes, options.maxBytes);
  if (!html.ok) return html;
  const { htmlToMdast } = await import('../html.js');
  const lines = format === 'docx' ? 'paragraphs' : 'source';
  const mdast = htmlToMdast(html.html, lines);
  const body = toMarkdown(withoutEmptyImages(mdast), { extensions: [gfmTableToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
  if (options.sidecar) {
    const yaml = normaliseText(options.sidecar.text).replace(/\n*$/, '\n');
    return { ok: true, markdown: `---\n${yaml}---\n\n${body}`, inferred: [] };
  }
  const doc = parseConverted(path, format, partsFromMdast(mdast));
  const inferred = inferMetaFromText(doc, options.editions);
  return { ok: true, markdown: `---\n${frontMatterOf(inferred, format, path)}---\n\n${body}`, inferred };
}

const KEYS = ['kind', 'area', 'edition', 'published'] as const;

/** The inferred keys, each with a comment saying where it was read; the others as comments to fill in. */
function frontMatterOf(inferred: InferredValue[], format: ConvertedFormat, path: string): string {
  const yaml = new Document({});
  const unit = format === 'docx' ? 'paragraph' : 'line';
  const missing: (typeof KEYS)[number][] = [];
  for (const key of KEYS) {
    const value = inferred.find((v) => v.key === key);
    if (!value) {
      missing.push(key);
      continue;
    }
    const node = yaml.createNode(value.value);
    node.comment = ` from "${value.quote}" (${unit} ${value.line})`;
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
