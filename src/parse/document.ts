// Source → ParsedDocument: front matter (YAML with source ranges) and the Markdown body.
import { parseYaml, type FrontMatter, type YamlProblem } from './front-matter.js';
import { parseMarkdown, type Block, type Heading } from './markdown.js';
import { yamlComments, type Comment } from './comments.js';
import type { Source } from '../types.js';

export type DocumentFormat = 'markdown' | 'yaml';

export interface ParseProblem {
  messageId: YamlProblem['messageId'] | 'empty';
  message: string;
  line: number;
  column: number;
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
}

export function formatOf(path: string): DocumentFormat {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'markdown';
}

export function parseDocument(source: Source): ParsedDocument {
  // Lone CR and CRLF become LF: same lines and columns, one convention for the parsers.
  const text = source.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = formatOf(source.path);
  const parsed: ParsedDocument = { path: source.path, format, frontMatter: null, headings: [], blocks: [], problems: [], comments: [] };
  if (text.trim() === '') {
    parsed.problems.push({
      messageId: 'empty',
      message: 'The document is empty; expected YAML front matter with `kind:` and the text of the arrangements or report',
      line: 1,
      column: 1,
    });
    return parsed;
  }
  if (format === 'yaml') {
    const { frontMatter, problems } = parseYaml(text, 0);
    parsed.frontMatter = frontMatter;
    parsed.problems.push(...problems);
    parsed.comments = yamlComments(text, 0);
    return parsed;
  }
  const markdown = parseMarkdown(text);
  parsed.headings = markdown.headings;
  parsed.blocks = markdown.blocks;
  if (markdown.yaml) {
    const { frontMatter, problems } = parseYaml(markdown.yaml.value, markdown.yaml.line);
    parsed.frontMatter = frontMatter;
    parsed.problems.push(...problems);
  }
  parsed.comments = [...(markdown.yaml ? yamlComments(markdown.yaml.value, markdown.yaml.line) : []), ...markdown.comments];
  return parsed;
}
