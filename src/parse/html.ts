// HTML → the same headings and blocks as Markdown (src/parse/markdown.ts): parse5 (the
// HTML standard's parsing, iterative, with positions), hast-util-from-parse5 (→ hast) and
// rehype-remark (hast → mdast, which carries each hast node's position onto the mdast node
// it makes). Site furniture (navigation, banners, footers, scripts, forms) is removed from
// the hast first. Every step after parse5 walks the tree recursively, so element nesting is
// measured while parse5 builds the tree and a page past `maxElementDepth` goes no further.
// Pure text → tree. Loaded only for HTML and Word documents (src/lint.ts imports it lazily).
import { unified } from 'unified';
import rehypeRemark from 'rehype-remark';
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';
import { fromParse5 } from 'hast-util-from-parse5';
import { VFile } from 'vfile';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes, Root, Text } from 'mdast';
import { partsFromMdast, type MarkdownParts } from './markdown.js';
import { DEFAULT_LIMITS } from './limits.js';

/**
 * `source`: lines and columns are those of the HTML text (a saved web page).
 * `paragraphs`: the HTML came from a Word document (src/parse/docx.ts); each paragraph's
 * number in the document is its line, and every column is 1.
 */
export type HtmlLines = 'source' | 'paragraphs';

/** Elements that are never content. */
const FURNITURE_TAGS = new Set([
  'nav',
  'aside',
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'iframe',
  'object',
  'svg',
  'button',
  'dialog',
  'select',
]);
/** Page-level header and footer; inside these they belong to the content (an article's header holds its title). */
const SECTIONING = new Set(['main', 'article', 'section']);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);
/** id or class words of cookie and consent banners, breadcrumbs and skip links. */
const FURNITURE_NAMES = /cookie|consent|banner|breadcrumb|skip-?link|skip-to/i;
/** Word paragraphs as mammoth writes them: each one is a numbered line. */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

const toMdast = unified().use(rehypeRemark).freeze();

/** Elements nested deeper than the limit: where the first one past it starts (for Word, its paragraph's number). */
export interface TooDeep {
  ok: false;
  line: number;
  column: number;
}

/** Converts HTML to mdast, site furniture removed, positions kept as `lines` says; or where it nests too deep. */
export function htmlTree(
  html: string,
  lines: HtmlLines = 'source',
  maxElementDepth = DEFAULT_LIMITS.maxElementDepth,
): { ok: true; mdast: Root } | TooDeep {
  const parsed = parseWithinDepth(html, maxElementDepth);
  if (!parsed.ok) return lines === 'paragraphs' ? { ok: false, line: paragraphsBefore(html, parsed.offset) + 1, column: 1 } : parsed;
  const hast = fromParse5(parsed.document, { file: new VFile(html) }) as HastRoot;
  hast.children = keepContent(hast.children, false);
  if (lines === 'paragraphs') numberParagraphs(hast);
  const mdast = toMdast.runSync(hast) as Root;
  if (lines === 'source') splitTextByLines(mdast, html);
  return { ok: true, mdast };
}

/** Headings and blocks of an HTML page or converted Word document; or where it nests too deep. */
export function htmlParts(
  html: string,
  lines: HtmlLines = 'source',
  maxElementDepth?: number,
): { ok: true; parts: MarkdownParts } | TooDeep {
  const converted = htmlTree(html, lines, maxElementDepth);
  if (!converted.ok) return converted;
  const parts = partsFromMdast(converted.mdast);
  if (lines === 'paragraphs') for (const block of parts.blocks) block.columnless = true;
  return { ok: true, parts };
}

/** htmlTree within the default limits, for callers that have checked the depth or trust the page (tests, tools); throws past them. */
export function htmlToMdast(html: string, lines: HtmlLines = 'source'): Root {
  const converted = htmlTree(html, lines);
  if (!converted.ok)
    throw new Error(`HTML nested more than ${DEFAULT_LIMITS.maxElementDepth} levels deep at ${converted.line}:${converted.column}`);
  return converted.mdast;
}

/** htmlParts within the default limits; throws past them. */
export function parseHtml(html: string, lines: HtmlLines = 'source'): MarkdownParts {
  const converted = htmlParts(html, lines);
  if (!converted.ok)
    throw new Error(`HTML nested more than ${DEFAULT_LIMITS.maxElementDepth} levels deep at ${converted.line}:${converted.column}`);
  return converted.parts;
}

type Parse5Document = DefaultTreeAdapterTypes.Document;
type Parse5Node = DefaultTreeAdapterTypes.Node;

/**
 * parse5 with a tree adapter that gives each element its depth as it is attached and stops
 * the parse at the first one past `max` (so 100,000 nested <div>s cost microseconds, not the
 * minutes parse5's open-element stack would take). Elements the parser later moves (the
 * adoption agency, foster parenting) can end up deeper than measured, so the finished tree
 * is measured again, iteratively.
 */
function parseWithinDepth(html: string, max: number): { ok: true; document: Parse5Document } | (TooDeep & { offset: number }) {
  const depth = new WeakMap<object, number>();
  class Stop {
    constructor(readonly node: Parse5Node) {}
  }
  const attach = (parent: object, child: Parse5Node) => {
    if (!defaultTreeAdapter.isElementNode(child)) return;
    const level = (depth.get(parent) ?? 0) + 1;
    if (level > max) throw new Stop(child);
    depth.set(child, level);
  };
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    appendChild(parent, child) {
      attach(parent, child);
      defaultTreeAdapter.appendChild(parent, child);
    },
    insertBefore(parent, child, reference) {
      attach(parent, child);
      defaultTreeAdapter.insertBefore(parent, child, reference);
    },
    setTemplateContent(template, content) {
      depth.set(content, depth.get(template) ?? 0);
      defaultTreeAdapter.setTemplateContent(template, content);
    },
  };
  const at = (node: Parse5Node) => {
    const place = 'sourceCodeLocation' in node ? node.sourceCodeLocation : undefined;
    return { ok: false as const, line: place?.startLine ?? 1, column: place?.startCol ?? 1, offset: place?.startOffset ?? 0 };
  };
  let document: Parse5Document;
  try {
    document = parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false, treeAdapter: adapter });
  } catch (error) {
    if (error instanceof Stop) return at(error.node);
    throw error;
  }
  const stack: [Parse5Node, number][] = [[document, 0]];
  while (stack.length) {
    const [node, level] = stack.pop()!;
    if (level > max) return at(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) if (defaultTreeAdapter.isElementNode(child)) stack.push([child, level + 1]);
    if (defaultTreeAdapter.isElementNode(node) && node.tagName === 'template')
      stack.push(
        ...defaultTreeAdapter
          .getTemplateContent(node as DefaultTreeAdapterTypes.Template)
          .childNodes.filter((c) => defaultTreeAdapter.isElementNode(c))
          .map((c) => [c, level + 1] as [Parse5Node, number]),
      );
  }
  return { ok: true, document };
}

/** How many Word paragraphs (numbered as `numberParagraphs` does) start before `offset` of mammoth's HTML. */
function paragraphsBefore(html: string, offset: number): number {
  return html.slice(0, offset).match(/<(?:p|h[1-6]|li)[\s>]/g)?.length ?? 0;
}

function keepContent<T extends HastContent | ElementContent>(nodes: T[], inSection: boolean): T[] {
  const kept: T[] = [];
  for (const node of nodes) {
    if (node.type === 'comment' || node.type === 'doctype') continue;
    if (node.type === 'element') {
      if (isFurniture(node, inSection)) continue;
      node.children = keepContent(node.children, inSection || SECTIONING.has(node.tagName) || node.properties.role === 'main');
    }
    kept.push(node);
  }
  return kept;
}

function isFurniture(element: Element, inSection: boolean): boolean {
  const { tagName, properties } = element;
  if (tagName === 'head') return true;
  if (FURNITURE_TAGS.has(tagName)) return true;
  if ((tagName === 'header' || tagName === 'footer') && !inSection) return true;
  if (properties.hidden !== undefined && properties.hidden !== false && properties.hidden !== null) return true;
  if (String(properties.ariaHidden) === 'true') return true;
  if (typeof properties.role === 'string' && FURNITURE_ROLES.has(properties.role)) return true;
  const names = [properties.id, ...(Array.isArray(properties.className) ? properties.className : [])];
  return names.some((name) => typeof name === 'string' && FURNITURE_NAMES.test(name));
}

/** Gives every node the number of the Word paragraph it belongs to as its line, column 1. */
function numberParagraphs(root: HastRoot): void {
  let count = 0;
  const place = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 1 } });
  const visit = (node: HastRoot | HastContent, line: number | null): number | null => {
    if (node.type === 'element' && PARAGRAPH_TAGS.has(node.tagName)) line = ++count;
    let first: number | null = line;
    if ('children' in node) {
      for (const child of node.children) {
        const childLine = visit(child, line);
        if (first === null) first = childLine;
      }
    }
    if (first === null) delete node.position;
    else node.position = place(first);
    return first;
  };
  visit(root, null);
}

/**
 * HTML collapses the whitespace inside a paragraph, so one text node can run over many
 * lines of the page. Splits each such node at the page's line breaks, so a sentence on
 * the fifth line of a paragraph is placed on that line. The node's own source span is
 * walked character by character (entities and collapsed whitespace allowed for); when
 * the two disagree the rest of the node stays in one piece.
 */
function splitTextByLines(node: Nodes, html: string): void {
  if (!('children' in node)) return;
  const children: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    if (child.type === 'text') children.push(...splitText(child, html));
    else {
      splitTextByLines(child, html);
      children.push(child);
    }
  }
  (node as { children: Nodes[] }).children = children;
}

const ENTITY = /^&(?:#\d+|#x[\da-f]+|[a-z][\da-z]*);/i;

function splitText(text: Text, html: string): Text[] {
  const pos = text.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return [text];
  const raw = html.slice(pos.start.offset, pos.end.offset);
  const value = text.value;
  const cuts: { at: number; line: number; column: number }[] = [];
  let line = pos.start.line;
  let column = pos.start.column;
  let newLine = true; // the first visible character starts the first piece
  let i = 0;
  let j = 0;
  while (i < raw.length && j < value.length) {
    const r = raw[i]!;
    const v = value[j]!;
    if (r === '\n') {
      line++;
      column = 1;
      i++;
      newLine = true;
    } else if (/\s/.test(v)) {
      j++;
    } else if (/\s/.test(r)) {
      i++;
      column++;
    } else {
      if (newLine) cuts.push({ at: cuts.length === 0 ? 0 : j, line, column });
      newLine = false;
      const entity = r === '&' ? ENTITY.exec(raw.slice(i)) : null;
      if (entity) {
        i += entity[0].length;
        column += entity[0].length;
        j++;
      } else if (r === v) {
        i++;
        j++;
        column++;
      } else {
        break;
      }
    }
  }
  if (cuts.length <= 1) {
    if (cuts[0]) text.position = { ...pos, start: { ...pos.start, line: cuts[0].line, column: cuts[0].column } };
    return [text];
  }
  return cuts.map((cut, k) => ({
    type: 'text',
    value: value.slice(cut.at, cuts[k + 1]?.at ?? value.length),
    position: { start: { line: cut.line, column: cut.column }, end: pos.end },
  }));
}
