// YAML (front matter or a whole .yaml file) with its source map kept, so every
// structured finding can point at the line and column of the key it is about.
// Hostile YAML (deep nesting, "billion laughs" aliases, endless `---` documents)
// is stopped by the limits in limits.ts with a finding at the offending node.
import { Composer, isAlias, isCollection, isMap, isPair, isScalar, LineCounter, Parser, type Alias, type Document, type Node } from 'yaml';
import { resolveLimits, type Limits } from './limits.js';
import type { ParseMessageOf } from '../reserved.js';

export interface FrontMatter {
  /** The parsed YAML document; node ranges are offsets into `yamlText`. */
  doc: Document;
  lineCounter: LineCounter;
  /** Lines before the YAML text in the file (the opening `---` of front matter). */
  lineOffset: number;
  /** Plain data (null when the YAML is not a mapping). */
  data: Record<string, unknown> | null;
  /** The YAML text parsed (absent for metadata inferred from a document's text). */
  text?: string;
  /** The sidecar file the YAML was read from, when it is not in the document itself (HTML, Word). */
  origin?: string;
  /**
   * Metadata inferred from the text of the document (src/extract/inference/): where in
   * the document each top-level key was read, in place of the YAML's own positions.
   */
  places?: Record<string, { line: number; column: number }>;
}

export type YamlProblem = ParseMessageOf<
  'yaml-syntax' | 'not-a-mapping' | 'too-deep' | 'too-many-aliases' | 'recursive-alias' | 'too-many-documents'
> & { line: number; column: number };

/**
 * Problems after which the front matter cannot be read: nothing else is checked, since
 * every other finding (no `kind`, a missing element the front matter does give) could be false.
 */
export const FATAL_YAML_PROBLEMS: ReadonlySet<string> = new Set([
  'yaml-syntax',
  'not-a-mapping',
  'too-deep',
  'too-many-aliases',
  'recursive-alias',
]);

export function parseYaml(
  yamlText: string,
  lineOffset: number,
  limitOptions?: Partial<Limits>,
): { frontMatter: FrontMatter; problems: YamlProblem[] } {
  const limits = resolveLimits(limitOptions);
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  // Duplicate keys are found below in one pass: the yaml library's own check is quadratic in the keys of a map.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  // Compose lazily and stop one past the limit: a file of a million `---` costs no more than max + 1 documents.
  const docs: Document[] = [];
  const problems: YamlProblem[] = [];
  for (const doc of composer.compose(parser.parse(yamlText), true, yamlText.length)) {
    if (docs.length === limits.maxDocuments) {
      problems.push({
        messageId: 'too-many-documents',
        data: { max: limits.maxDocuments },
        ...at(doc.range[0]),
      });
      break;
    }
    docs.push(doc as Document);
  }
  const doc = docs[0]!;

  const deep = tooDeep(doc, limits.maxDepth);
  if (deep) {
    const problem: YamlProblem = {
      messageId: 'too-deep',
      variant: 'yaml',
      data: { max: limits.maxDepth },
      ...at(deep.range?.[0] ?? 0),
    };
    return { frontMatter: { doc, lineCounter, lineOffset, data: null, text: yamlText }, problems: [problem] };
  }

  for (const d of docs) {
    for (const error of d.errors) {
      problems.push({
        messageId: 'yaml-syntax',
        variant: 'coded',
        data: { code: error.code, detail: firstLine(error.message) },
        ...at(error.pos[0]),
      });
    }
  }
  for (const key of duplicateKeys(doc)) {
    problems.push({ messageId: 'yaml-syntax', variant: 'duplicate-key', ...at(key.range?.[0] ?? 0) });
  }
  let data: Record<string, unknown> | null = null;
  if (!problems.some((p) => p.messageId !== 'too-many-documents')) {
    const alias = aliasOverflow(doc, limits.maxAliases);
    if (alias) {
      problems.push(
        alias.recursive
          ? {
              messageId: 'recursive-alias',
              data: { alias: alias.node.source },
              ...at(alias.node.range?.[0] ?? 0),
            }
          : {
              messageId: 'too-many-aliases',
              data: { max: limits.maxAliases },
              ...at(alias.node.range?.[0] ?? 0),
            },
      );
      return { frontMatter: { doc, lineCounter, lineOffset, data: null, text: yamlText }, problems };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliases });
    } catch (error) {
      problems.push({
        messageId: 'yaml-syntax',
        variant: 'uncoded',
        data: { detail: firstLine(error instanceof Error ? error.message : String(error)) },
        ...at(doc.contents?.range?.[0] ?? 0),
      });
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      data = value as Record<string, unknown>;
    } else if (value !== null && value !== undefined) {
      problems.push({
        messageId: 'not-a-mapping',
        ...(Array.isArray(value) ? { variant: 'list' } : { variant: 'scalar', data: { type: typeof value } }),
        ...at(doc.contents?.range?.[0] ?? 0),
      });
    }
  }
  return { frontMatter: { doc, lineCounter, lineOffset, data, text: yamlText }, problems };
}

/** The first collection nested deeper than `max`, found without recursion. */
function tooDeep(doc: Document, max: number): Node | null {
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      stack.push([node.value, depth], [node.key, depth]);
    } else if (isCollection(node)) {
      if (depth + 1 > max) return node;
      for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i], depth + 1]);
    }
  }
  return null;
}

/** Keys that repeat an earlier key of the same mapping (scalars compared by value, as the yaml library does), in one pass. */
function duplicateKeys(doc: Document): Node[] {
  const repeated: Node[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
    } else if (isCollection(node)) {
      if (isMap(node)) {
        const seen = new Set<unknown>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          const value = pair.key.value;
          if (seen.has(value) && !Number.isNaN(value)) repeated.push(pair.key);
          seen.add(value);
        }
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return repeated;
}

/**
 * The alias at which expanding aliases passes `max` references (counting an alias
 * inside an anchored node once more each time that node is expanded), or the first
 * alias to a node it is inside (data that contains itself); or null.
 * Runs after tooDeep, so the recursion is bounded by maxDepth.
 */
function aliasOverflow(doc: Document, max: number): { node: Alias; recursive: boolean } | null {
  const anchors = new Map<string, Node>();
  const weight = new Map<Node, number>(); // references reached by expanding an anchored node
  const open = new Set<Node>(); // anchored nodes being read
  let total = 0;
  let found: { node: Alias; recursive: boolean } | null = null;
  const walk = (node: unknown): number => {
    if (found) return 0;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target && open.has(target)) {
        found = { node, recursive: true };
        return 0;
      }
      const reached = 1 + (target ? (weight.get(target) ?? 0) : 0);
      total += reached;
      if (total > max) found = { node, recursive: false };
      return reached;
    }
    if (isPair(node)) return walk(node.key) + walk(node.value);
    const anchored = node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string' ? (node as Node) : null;
    if (anchored) {
      anchors.set(anchored.anchor!, anchored);
      open.add(anchored);
    }
    let sum = 0;
    if (isCollection(node)) for (const item of node.items) sum += walk(item);
    if (anchored) {
      open.delete(anchored);
      weight.set(anchored, sum);
    }
    return sum;
  };
  walk(doc.contents);
  return found;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
