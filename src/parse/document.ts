// Source → ParsedDocument: front matter (YAML with source ranges) and the Markdown body.
import { FATAL_YAML_PROBLEMS, parseYaml, type FrontMatter, type YamlProblem } from './front-matter.js';
import { parseMarkdown, type Block, type Heading } from './markdown.js';
import { firstLongLine, resolveLimits, type Limits } from './limits.js';
import type { Source } from '../types.js';

export type DocumentFormat = 'markdown' | 'yaml';

export interface ParseProblem {
  messageId: YamlProblem['messageId'] | 'empty' | 'line-too-long' | 'too-deep';
  message: string;
  line: number;
  column: number;
}

/** Problems after which nothing else about the document is checked (its content could not be read safely). */
export function isFatal(problem: ParseProblem): boolean {
  return problem.messageId === 'empty' || problem.messageId === 'line-too-long' || FATAL_YAML_PROBLEMS.has(problem.messageId);
}

export interface ParsedDocument {
  path: string;
  format: DocumentFormat;
  frontMatter: FrontMatter | null;
  headings: Heading[];
  blocks: Block[];
  problems: ParseProblem[];
}

export function formatOf(path: string): DocumentFormat {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'markdown';
}

export function parseDocument(source: Source, limitOptions?: Partial<Limits>): ParsedDocument {
  const limits = resolveLimits(limitOptions);
  // Lone CR and CRLF become LF: same lines and columns, one convention for the parsers.
  const text = source.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = formatOf(source.path);
  const parsed: ParsedDocument = { path: source.path, format, frontMatter: null, headings: [], blocks: [], problems: [] };
  if (text.trim() === '') {
    parsed.problems.push({
      messageId: 'empty',
      message: 'The document is empty; expected YAML front matter with `kind:` and the text of the arrangements or report',
      line: 1,
      column: 1,
    });
    return parsed;
  }
  const long = firstLongLine(text, limits.maxLineLength);
  if (long) {
    parsed.problems.push({
      messageId: 'line-too-long',
      message: `Line is ${long.length} characters long, over the limit of ${limits.maxLineLength} (limit maxLineLength); the document was not checked further`,
      line: long.line,
      column: long.column,
    });
    return parsed;
  }
  if (format === 'yaml') {
    const { frontMatter, problems } = parseYaml(text, 0, limits);
    parsed.frontMatter = frontMatter;
    parsed.problems.push(...problems);
    return parsed;
  }
  const markdown = parseMarkdown(text, limits.maxDepth);
  if (markdown.tooDeep) {
    parsed.problems.push({
      messageId: 'too-deep',
      message: `Markdown nested more than ${limits.maxDepth} levels deep (limit maxDepth); the document was not checked further`,
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
  return parsed;
}
