// Comments, with their positions, for inline directives (`<!-- wtlint-disable … -->`,
// `# wtlint-disable-line …`). HTML comments come from the mdast `html` nodes, YAML
// comments from the yaml CST, so a `#` inside a quoted or block scalar is never one.
import { LineCounter, Parser } from 'yaml';
import type { Nodes } from 'mdast';

export interface Comment {
  /** The text inside `<!-- -->`, or after `#`, untrimmed. */
  text: string;
  line: number;
  column: number;
  /** The line the comment ends on (an HTML comment may span lines). */
  endLine: number;
}

const HTML_COMMENT = /<!--([\s\S]*?)-->/g;

/** Every HTML comment in the mdast tree (block or inline html nodes). */
export function htmlComments(node: Nodes, out: Comment[] = []): Comment[] {
  if (node.type === 'html' && node.position) {
    const start = node.position.start;
    for (const match of node.value.matchAll(HTML_COMMENT)) {
      const before = node.value.slice(0, match.index);
      const lines = before.split('\n');
      const line = start.line + lines.length - 1;
      const column = lines.length === 1 ? start.column + before.length : lines[lines.length - 1]!.length + 1;
      out.push({ text: match[1]!, line, column, endLine: line + match[0].split('\n').length - 1 });
    }
  }
  if ('children' in node) for (const child of node.children) htmlComments(child as Nodes, out);
  return out;
}

/** Every `#` comment of a YAML text; lineOffset is the number of lines before it in the file. */
export function yamlComments(yamlText: string, lineOffset: number): Comment[] {
  if (!yamlText.includes('#')) return []; // no comment without a "#": most front matter is not parsed a second time
  const lineCounter = new LineCounter();
  const out: Comment[] = [];
  // The CST is walked with an explicit stack: hostile YAML can nest deeper than the call stack.
  // Only the first YAML document is read (the others are a finding), so stop the lazy parser there.
  const stack: unknown[] = [];
  let documents = 0;
  for (const token of new Parser(lineCounter.addNewLine).parse(yamlText)) {
    if (token.type === 'document' && ++documents > 1) break;
    stack.push(token);
  }
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
    } else if (value !== null && typeof value === 'object') {
      const token = value as { type?: unknown; source?: unknown; offset?: unknown };
      if (token.type === 'comment' && typeof token.source === 'string' && typeof token.offset === 'number') {
        const pos = lineCounter.linePos(token.offset);
        out.push({ text: token.source.replace(/^#/, ''), line: pos.line + lineOffset, column: pos.col, endLine: pos.line + lineOffset });
      }
      for (const child of Object.values(value)) if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
