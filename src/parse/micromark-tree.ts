// Markdown → a lean mdast tree built straight from micromark's events: only the nodes and fields
// detection reads (src/parse/markdown.ts `collect`), each node with its start point only.
//
// Why not remark-parse: remark-parse is micromark (the tokenizer) plus mdast-util-from-markdown
// (events → a full tree with both ends of every node, list spreads, references, urls). On the
// bench corpus the second step is about three fifths of remark-parse's time and most of its
// garbage, and detection uses none of what it adds. This walk keeps its semantics for what detection reads —
// how text runs merge, line endings, character references and escapes, hard breaks, link text,
// code text, HTML — and test/markdown-events.test.ts checks that, for any Markdown, the parts
// read from this tree equal those read from remark-parse's tree. HTML and Word documents still
// reach detection as mdast (src/parse/html.ts, docx.ts).
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Event, Point, Token } from 'micromark-util-types';
import type { Nodes, Root, Text } from 'mdast';
import type { Piece } from './markdown.js';

const OPTIONS = { extensions: [frontmatter(['yaml'])] };

/** A node being built: the mdast node types `collect` reads, with children while open. */
interface Open {
  type: string;
  children: Nodes[];
  position: { start: { line: number; column: number } };
  depth?: number;
}

/** Where mdast-util-from-markdown turns a line ending into "\n" in the text (its `canContainEols`, plus link text, which it reads from a buffer that does). */
const TAKES_LINE_ENDINGS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'link']);
/** Flow and inline constructs detection never reads the inside of: kept as leaves (for positions and nesting depth). */
const LEAF: Record<string, string> = {
  codeFenced: 'code',
  codeIndented: 'code',
  thematicBreak: 'thematicBreak',
  definition: 'definition',
  image: 'image',
};
/** Containers, by micromark token type → mdast node type. */
const CONTAINER: Record<string, string> = {
  paragraph: 'paragraph',
  atxHeading: 'heading',
  setextHeading: 'heading',
  blockQuote: 'blockquote',
  listOrdered: 'list',
  listUnordered: 'list',
  emphasis: 'emphasis',
  strong: 'strong',
  link: 'link',
  autolink: 'link',
};

/** Parses one Markdown text (line endings already "\n"). */
export function markdownTree(text: string): Root {
  return markdownTrees([{ text, line: 1, level: 'document' }])[0]!;
}

/** micromark's parser, made once: combining its constructs costs more than tokenizing a small piece. */
let sharedParser: ReturnType<typeof parse> | undefined;

/**
 * Parses the pieces of one document (src/parse/markdown.ts chunksOf), each with its lines moved
 * to where it starts. The parser's state is what its link definitions and lazy lines record:
 * definitions are kept for the document, so they reach later pieces as they do in the whole;
 * lazy lines are per piece (they are keyed by line number).
 */
export function markdownTrees(pieces: Piece[]): Root[] {
  const parser = (sharedParser ??= parse(OPTIONS));
  parser.defined = [];
  return pieces.map((piece) => {
    if (piece.level === 'paragraphs') return new TreeBuilder(piece.text, piece.line - 1).build(paragraphEvents(parser, piece.text));
    parser.lazy = {};
    // Without a container, the document level only copies each line to the flow level below it.
    const tokenizer = piece.level === 'document' ? parser.document() : parser.flow();
    const events = postprocess(tokenizer.write(preprocess()(piece.text, undefined, true)));
    // micromark skips a byte order mark that opens the text: its offsets count from after it.
    const source = piece.text.charCodeAt(0) === 0xfeff ? piece.text.slice(1) : piece.text;
    return new TreeBuilder(source, piece.line - 1).build(events);
  });
}

/**
 * The events of a piece that is only paragraphs (src/parse/markdown.ts chunksOf), read by
 * micromark's text level alone: each paragraph's lines are handed to it as its content level
 * would, the white space that opens a continuation line skipped and the last line's ending left
 * out; the flow and content levels would only have found the paragraph.
 */
function paragraphEvents(parser: ReturnType<typeof parse>, text: string): Event[] {
  const events: Event[] = [];
  let lines: ParagraphLine[] = [];
  for (let start = 0, line = 1; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let from = start;
    while (text[from] === ' ' || text[from] === '\t') from++;
    if (from < end) lines.push({ at: start, from, end, line });
    else if (lines.length) {
      addParagraph(events, parser, text, lines); // a blank line ends it
      lines = [];
    }
    start = end + 1;
  }
  if (lines.length) addParagraph(events, parser, text, lines);
  return events;
}

/** A line of a paragraph: where it starts, where its text starts (after white space) and ends, its number. */
interface ParagraphLine {
  at: number;
  from: number;
  end: number;
  line: number;
}

function addParagraph(events: Event[], parser: ReturnType<typeof parse>, text: string, lines: ParagraphLine[]): void {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const tokenizer = parser.text({ line: first.line, column: 1, offset: first.at });
  lines.forEach((l, i) => {
    if (i > 0) tokenizer.defineSkip({ line: l.line, column: l.from - l.at + 1, offset: l.from } as Point); // read: line and column
    const isLast = i === lines.length - 1;
    tokenizer.write(preprocess()(text.slice(l.from, isLast ? l.end : l.end + 1), undefined, isLast));
  });
  const paragraph = {
    type: 'paragraph',
    start: { line: first.line, column: 1, offset: first.at },
    end: { line: last.line, column: last.end - last.at + 1, offset: last.end },
  } as Token;
  events.push(['enter', paragraph, tokenizer]);
  // One by one: a long paragraph has more events than a call can take as arguments.
  for (const event of postprocess(tokenizer.events)) events.push(event);
  events.push(['exit', paragraph, tokenizer]);
}

class TreeBuilder {
  private readonly root: Open = { type: 'root', children: [], position: { start: { line: 1, column: 1 } } };
  private readonly stack: Open[] = [this.root];
  private atHardBreak = false;
  private afterSetextText = false;
  private referenceBase = 0;

  constructor(
    private readonly text: string,
    private readonly lineShift: number,
  ) {}

  build(events: Event[]): Root {
    for (let i = 0; i < events.length; i++) {
      const [kind, token] = events[i]!;
      if (kind === 'enter')
        i = this.enter(events, i, token); // may skip to the exit of a construct read whole
      else this.exit(events, i, token);
    }
    return this.root as unknown as Root;
  }

  /** Handles an enter event; returns the index of the last event consumed. */
  private enter(events: Event[], i: number, token: Token): number {
    const type: string = token.type;
    const top = this.stack[this.stack.length - 1]!;
    const container = CONTAINER[type];
    if (container) {
      this.open(container, token);
      return i;
    }
    const leaf = LEAF[type];
    if (leaf) {
      top.children.push(this.node(leaf, token));
      return endOf(events, i);
    }
    switch (type) {
      case 'listItemPrefix':
        if (top.type === 'listItem') this.stack.pop();
        this.open('listItem', token);
        return i;
      case 'atxHeadingSequence':
        if (!top.depth) top.depth = token.end.offset - token.start.offset;
        return i;
      case 'data':
      case 'autolinkProtocol':
      case 'autolinkEmail':
        this.textAt(top, token).value += this.slice(events[i]!, token);
        return i;
      case 'characterEscape':
      case 'characterReference':
        // The text run starts at the backslash or ampersand; the value comes with the value token.
        this.textAt(top, token);
        return i;
      case 'characterEscapeValue':
        this.lastText(top).value += this.slice(events[i]!, token);
        return i;
      case 'characterReferenceValue': {
        const raw = this.slice(events[i]!, token);
        this.lastText(top).value += this.referenceBase
          ? decodeNumericCharacterReference(raw, this.referenceBase)
          : decodeNamedCharacterReference(raw) || '';
        this.referenceBase = 0;
        return i;
      }
      case 'characterReferenceMarkerNumeric':
        this.referenceBase = 10;
        return i;
      case 'characterReferenceMarkerHexadecimal':
        this.referenceBase = 16;
        return i;
      case 'lineEnding':
        if (this.atHardBreak) this.atHardBreak = false;
        else if (!this.afterSetextText && TAKES_LINE_ENDINGS.has(top.type)) this.textAt(top, token).value += '\n';
        return i;
      case 'hardBreakEscape':
      case 'hardBreakTrailing':
        top.children.push(this.node('break', token));
        this.atHardBreak = true;
        return endOf(events, i);
      case 'codeText':
        return this.valueLeaf('inlineCode', 'codeTextData', events, i);
      case 'htmlFlow':
        return this.valueLeaf('html', 'htmlFlowData', events, i);
      case 'htmlText':
        return this.valueLeaf('html', 'htmlTextData', events, i);
      case 'resource':
      case 'reference':
        // A link's destination, title or reference label: not its text.
        return endOf(events, i);
      case 'yaml':
        return this.frontMatter(events, i);
      default:
        return i;
    }
  }

  private exit(events: Event[], i: number, token: Token): void {
    const type: string = token.type;
    if (CONTAINER[type]) {
      if (type === 'listOrdered' || type === 'listUnordered') {
        if (this.stack[this.stack.length - 1]!.type === 'listItem') this.stack.pop();
      }
      if (type === 'setextHeading') this.afterSetextText = false;
      this.stack.pop();
    } else if (type === 'setextHeadingText') {
      this.afterSetextText = true; // the line ending before the underline is not text
    } else if (type === 'setextHeadingLineSequence') {
      this.stack[this.stack.length - 1]!.depth = this.slice(events[i]!, token).startsWith('=') ? 1 : 2;
    }
  }

  private open(type: string, token: Token): void {
    const node = this.node(type, token) as unknown as Open;
    node.children = [];
    if (type === 'heading') node.depth = 0;
    this.stack[this.stack.length - 1]!.children.push(node as unknown as Nodes);
    this.stack.push(node);
  }

  private node(type: string, token: Token): Nodes {
    return { type, position: { start: { line: token.start.line + this.lineShift, column: token.start.column } } } as unknown as Nodes;
  }

  /** The text node a run of text joins: the last child when it is text, else a new one starting at this token (mdast-util-from-markdown's rule). */
  private textAt(parent: Open, token: Token): Text {
    const tail = parent.children[parent.children.length - 1];
    if (tail?.type === 'text') return tail;
    const text = this.node('text', token) as Text;
    text.value = '';
    parent.children.push(text);
    return text;
  }

  private lastText(parent: Open): Text {
    return parent.children[parent.children.length - 1] as Text;
  }

  /** A leaf whose value is its data tokens joined with "\n" for line endings (code text, HTML). */
  private valueLeaf(type: 'inlineCode' | 'html', dataType: string, events: Event[], i: number): number {
    const node = this.node(type, events[i]![1]) as Nodes & { value: string };
    node.value = '';
    const end = endOf(events, i);
    for (let j = i + 1; j < end; j++) {
      const [kind, token] = events[j]!;
      if (kind !== 'enter') continue;
      if (token.type === dataType) node.value += this.slice(events[j]!, token);
      else if (token.type === 'lineEnding') node.value += '\n';
    }
    this.stack[this.stack.length - 1]!.children.push(node);
    return end;
  }

  /** Front matter: its value lines joined, without the line endings next to the fences (as mdast-util-frontmatter). */
  private frontMatter(events: Event[], i: number): number {
    const node = this.node('yaml', events[i]![1]) as Nodes & { value: string };
    const end = endOf(events, i);
    let value = '';
    for (let j = i + 1; j < end; j++) {
      const [kind, token] = events[j]!;
      if (kind !== 'enter') continue;
      if ((token.type as string) === 'yamlValue') value += this.slice(events[j]!, token);
      else if (token.type === 'lineEnding') value += '\n';
    }
    node.value = value.replace(/^\n|\n$/g, '');
    this.stack[this.stack.length - 1]!.children.push(node);
    return end;
  }

  /**
   * A token's text. The source slice, unless it holds or follows what micromark rewrites: NUL,
   * and tabs, which it splits into virtual spaces (a token can start inside a tab's columns).
   */
  private slice(event: Event, token: Token): string {
    const { text } = this;
    const raw = text.slice(token.start.offset, token.end.offset);
    return raw.includes('\t') || raw.includes('\0') || text[token.start.offset - 1] === '\t' ? event[2].sliceSerialize(token) : raw;
  }
}

/** The index of the exit event of the token entered at `i` (events nest). */
function endOf(events: Event[], i: number): number {
  const token = events[i]![1];
  let j = i + 1;
  while (events[j]![1] !== token) j++;
  return j;
}
