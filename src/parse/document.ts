// Source → ParsedDocument: front matter (YAML with source ranges) and the Markdown body.
// HTML pages, Word documents and PDFs arrive with their body already converted to the same
// parts (src/parse/html.ts, docx.ts, pdf-layout.ts) and their metadata in a sidecar file.
import { FATAL_YAML_PROBLEMS, parseYaml, type FrontMatter, type YamlProblem } from './front-matter.js';
import { parseMarkdown, type Block, type Heading, type MarkdownParts } from './markdown.js';
import { yamlComments, type Comment } from './comments.js';
import { firstLongLine, resolveLimits, type Limits } from './limits.js';
import type { ParseMessage, SidecarPlace } from '../reserved.js';
import type { Place, Source } from '../types.js';

export type DocumentFormat = 'markdown' | 'yaml' | 'html' | 'docx' | 'pdf';
/** Formats whose body is converted to Markdown's tree before detection. */
export type ConvertedFormat = 'html' | 'docx' | 'pdf';

/** The metadata of an HTML or Word document: `page.html.yaml` beside `page.html`, same keys as front matter. */
export interface Sidecar {
  path: string;
  text: string;
}

/** What the parser could not read (a parse-error finding), and where; a sidecar's problems are placed at 1:1 and name their own place. */
export type ParseProblem = ParseMessage & Pick<Place, 'line' | 'column'> & { sidecar?: SidecarPlace };

/** Problems after which nothing else about the document is checked (its content could not be read safely). */
export function isFatal(problem: ParseProblem): boolean {
  return (
    ['empty', 'needs-conversion', 'line-too-long', 'too-deep', 'pdf-no-text'].includes(problem.messageId) ||
    FATAL_YAML_PROBLEMS.has(problem.messageId)
  );
}

export interface ParsedDocument {
  path: string;
  format: DocumentFormat;
  frontMatter: FrontMatter | null;
  headings: Heading[];
  blocks: Block[];
  problems: ParseProblem[];
  /** HTML comments of the body and `#` comments of the YAML, in file order (for inline directives). */
  comments: Comment[];
  /** A PDF: the page of each line of its recovered text (linePages[line - 1]), shown beside positions. */
  linePages?: number[];
  /** A PDF's own Title and creation date: hints for metadata the text does not state. */
  hints?: { title?: string; created?: string };
}

export function formatOf(path: string): DocumentFormat {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.html?$/i.test(path)) return 'html';
  if (/\.docx$/i.test(path)) return 'docx';
  if (/\.pdf$/i.test(path)) return 'pdf';
  return 'markdown';
}

export function isConverted(format: DocumentFormat): format is ConvertedFormat {
  return format === 'html' || format === 'docx' || format === 'pdf';
}

/** The sidecar file names looked for beside a converted document, in order. */
export function sidecarNames(path: string): string[] {
  return [`${path}.yaml`, `${path}.yml`];
}

function isProvenanceOnly(data: unknown): boolean {
  return (
    data !== null &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    Object.keys(data).length > 0 &&
    Object.keys(data).every((key) => key === 'source')
  );
}

/** Lone CR and CRLF become LF: same lines and columns, one convention for the parsers. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function parseDocument(source: Source, limitOptions?: Partial<Limits>): ParsedDocument {
  const limits = resolveLimits(limitOptions);
  const text = normaliseText(source.text);
  const format = formatOf(source.path);
  const parsed: ParsedDocument = { path: source.path, format, frontMatter: null, headings: [], blocks: [], problems: [], comments: [] };
  const problem = unreadableBody(format, text, limits);
  if (problem) {
    parsed.problems.push(problem);
    return parsed;
  }
  if (format === 'yaml') {
    const { frontMatter, problems } = parseYaml(text, 0, limits);
    parsed.frontMatter = frontMatter;
    parsed.problems.push(...problems);
    parsed.comments = yamlComments(text, 0);
    return parsed;
  }
  return documentOfBody(source.path, parseMarkdown(text, limits.maxDepth), limits);
}

/**
 * The ParsedDocument of a Markdown body, parsed by markdownBody (in another thread, for audit)
 * or by parseDocument: what parseDocument gives for the text the body was parsed from.
 */
export function documentOfBody(path: string, markdown: MarkdownParts, limitOptions?: Partial<Limits>): ParsedDocument {
  const limits = resolveLimits(limitOptions);
  const parsed: ParsedDocument = { path, format: 'markdown', frontMatter: null, headings: [], blocks: [], problems: [], comments: [] };
  if (markdown.tooDeep) {
    parsed.problems.push({
      messageId: 'too-deep',
      variant: 'markdown',
      data: { max: limits.maxDepth },
      ...markdown.tooDeep,
    });
    return parsed;
  }
  parsed.headings = markdown.headings;
  parsed.blocks = markdown.blocks;
  if (markdown.yaml) {
    const { frontMatter, problems } = parseYaml(markdown.yaml.value, markdown.yaml.line, limits);
    parsed.frontMatter = frontMatter;
    parsed.problems.push(...problems);
  }
  parsed.comments = [...(markdown.yaml ? yamlComments(markdown.yaml.value, markdown.yaml.line) : []), ...markdown.comments];
  return parsed;
}

/** The Markdown body parseDocument would parse for this source, or null when it would parse none. */
export function markdownBody(source: Source, limitOptions?: Partial<Limits>): MarkdownParts | null {
  const limits = resolveLimits(limitOptions);
  const text = normaliseText(source.text);
  const format = formatOf(source.path);
  if (format !== 'markdown' || unreadableBody(format, text, limits)) return null;
  return parseMarkdown(text, limits.maxDepth);
}

/** Why a document's body is not parsed at all (converted formats, empty, a line too long), or null. */
function unreadableBody(format: DocumentFormat, text: string, limits: Limits): ParseProblem | null {
  if (isConverted(format)) return { messageId: 'needs-conversion', variant: format, line: 1, column: 1 };
  if (text.trim() === '') return { messageId: 'empty', variant: 'text', line: 1, column: 1 };
  const long = firstLongLine(text, limits.maxLineLength);
  if (long) {
    return { messageId: 'line-too-long', data: { length: long.length, max: limits.maxLineLength }, line: long.line, column: long.column };
  }
  return null;
}

/**
 * A converted document: its body as parts, its metadata from the sidecar when there is one.
 * Problems in the sidecar are reported at the top of the document, naming the sidecar's
 * line, since reports place every finding in the document itself.
 */
export function parseConverted(path: string, format: ConvertedFormat, parts: MarkdownParts, sidecar?: Sidecar): ParsedDocument {
  const parsed: ParsedDocument = {
    path,
    format,
    frontMatter: null,
    headings: parts.headings,
    blocks: parts.blocks,
    problems: [],
    comments: parts.comments,
  };
  if (sidecar) {
    const { frontMatter, problems } = parseYaml(normaliseText(sidecar.text), 0);
    // `source` alone (where wtlint fetch got the document) says nothing about the document:
    // such a sidecar is read as none, so its metadata comes from its text as without one.
    if (problems.length || !isProvenanceOnly(frontMatter.data)) parsed.frontMatter = { ...frontMatter, origin: sidecar.path };
    for (const problem of problems) {
      parsed.problems.push({ ...problem, sidecar: { file: sidecar.path, line: problem.line, column: problem.column }, line: 1, column: 1 });
    }
  }
  if (!parts.blocks.some((b) => b.text.trim() !== '') && format !== 'pdf') {
    parsed.problems.push({ messageId: 'empty', variant: format, line: 1, column: 1 });
  }
  return parsed;
}
