// YAML (front matter or a whole .yaml file) with its source map kept, so every
// structured finding can point at the line and column of the key it is about.
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface FrontMatter {
  /** The parsed YAML document; node ranges are offsets into `yamlText`. */
  doc: Document;
  lineCounter: LineCounter;
  /** Lines before the YAML text in the file (the opening `---` of front matter). */
  lineOffset: number;
  /** Plain data (null when the YAML is not a mapping). */
  data: Record<string, unknown> | null;
  /** The sidecar file the YAML was read from, when it is not in the document itself (HTML, Word). */
  origin?: string;
  /**
   * Metadata inferred from the text of the document (src/extract/text-meta.ts): where in
   * the document each top-level key was read, in place of the YAML's own positions.
   */
  places?: Record<string, { line: number; column: number }>;
}

export interface YamlProblem {
  messageId: 'yaml-syntax' | 'not-a-mapping';
  message: string;
  line: number;
  column: number;
}

export const MAX_ALIAS_COUNT = 100;

export function parseYaml(yamlText: string, lineOffset: number): { frontMatter: FrontMatter; problems: YamlProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: YamlProblem[] = [];
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    problems.push({
      messageId: 'yaml-syntax',
      message: `YAML error (${error.code}): ${firstLine(error.message)}`,
      line: pos.line + lineOffset,
      column: pos.col,
    });
  }
  let data: Record<string, unknown> | null = null;
  if (problems.length === 0) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({
        messageId: 'yaml-syntax',
        message: `YAML error: ${firstLine(error instanceof Error ? error.message : String(error))}`,
        line: 1 + lineOffset,
        column: 1,
      });
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      data = value as Record<string, unknown>;
    } else if (problems.length === 0 && value !== null && value !== undefined) {
      const start = doc.contents?.range?.[0] ?? 0;
      const pos = lineCounter.linePos(start);
      problems.push({
        messageId: 'not-a-mapping',
        message: `Front matter is ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, expected a mapping of keys such as \`kind:\` and \`area:\``,
        line: pos.line + lineOffset,
        column: pos.col,
      });
    }
  }
  return { frontMatter: { doc, lineCounter, lineOffset, data }, problems };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
