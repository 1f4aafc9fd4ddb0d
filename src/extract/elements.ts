// Which elements a document addresses, and the evidence a reader can check:
// a structured field, a heading whose section has real content, or a sentence
// that actually deals with the element (every pattern of one cue in one sentence).
import type { ElementResult, Evidence } from '../types.js';
import { isConverted, type ParsedDocument } from '../parse/document.js';
import { headingPath, placeInBlock, type Block } from '../parse/markdown.js';
import { locatePath } from '../parse/locate.js';
import { anyOf, matchesCue, type CompiledDetection, type Matcher } from './detection.js';
import { fold, pairsOf } from './literals.js';

export interface DetectionTarget {
  element: string;
  detection: CompiledDetection;
}

const MAX_EVIDENCE = 3;
const MAX_QUOTE = 160;
/** `section` cues read only short sections (a list under a heading), never a whole chapter. */
const MAX_SECTION_CHARS = 800;

/** Evidence one pass found for one element: enough for "present", or only for "partial". */
interface Found {
  present: Evidence[];
  partial: Evidence[];
}

/** What each pass returns: element → the evidence it found, in document order. */
type Findings = Map<string, Found>;

/** What every pass reads: the document, the elements sought, and two helpers shared so each block is judged once. */
interface PassContext {
  doc: ParsedDocument;
  targets: DetectionTarget[];
  /** Whether a block's text is a placeholder (judged once per text, however many passes ask). */
  isPlaceholder: (text: string) => boolean;
  /** For HTML and Word, the headings a piece of evidence sits under. */
  section: (heading: number, self?: string) => { section?: string };
}

/**
 * Blocks of a section headed for an element but still holding placeholders, per element: the
 * headings pass hands them to the sentences pass, where sentences in them do not count (the
 * section itself says it is unfinished).
 */
type Unfinished = Map<string, [number, number][]>;

/**
 * The evidence passes, in order; each returns what it found and the status of each element is a
 * reduction over all of it. Order matters: evidence is kept in pass order (at most MAX_EVIDENCE),
 * and the sentences pass reads what the earlier passes found. A new kind of evidence (a table
 * of contents, a signature block) is a new pass here.
 */
export function detectElements(doc: ParsedDocument, targets: DetectionTarget[], anyPlaceholder: Matcher): Record<string, ElementResult> {
  const ctx: PassContext = { doc, targets, isPlaceholder: onceEach(anyPlaceholder), section: sectionOf(doc) };
  const found = emptyFindings(targets);
  add(found, fieldsPass(ctx));
  const headings = headingsPass(ctx);
  add(found, headings.found);
  add(found, leadInsPass(ctx));
  add(found, labelsPass(ctx));
  add(found, sentencesPass(ctx, found, headings.unfinished));
  return statusOf(found);
}

/** Present when any evidence says so, partial when only partial evidence does, missing otherwise. */
function statusOf(found: Findings): Record<string, ElementResult> {
  const results: Record<string, ElementResult> = {};
  for (const [element, bucket] of found) {
    if (bucket.present.length) results[element] = { status: 'present', evidence: bucket.present.slice(0, MAX_EVIDENCE) };
    else if (bucket.partial.length) results[element] = { status: 'partial', evidence: bucket.partial.slice(0, MAX_EVIDENCE) };
    else results[element] = { status: 'missing', evidence: [] };
  }
  return results;
}

function add(into: Findings, from: Findings): void {
  for (const [element, bucket] of from) {
    const target = into.get(element)!;
    target.present.push(...bucket.present);
    target.partial.push(...bucket.partial);
  }
}

function emptyFindings(targets: DetectionTarget[]): Findings {
  return new Map(targets.map((t) => [t.element, { present: [], partial: [] }]));
}

/** A block's text is judged once, however many elements' sections and sentence passes read it. */
function onceEach(matcher: Matcher): (text: string) => boolean {
  const byText = new Map<string, boolean>();
  return (text) => {
    let known = byText.get(text);
    if (known === undefined) byText.set(text, (known = matcher.test(text.trim())));
    return known;
  };
}

/** HTML and Word: evidence names the headings it sits under. */
function sectionOf(doc: ParsedDocument): PassContext['section'] {
  return (heading, self) => {
    const path = isConverted(doc.format) ? headingPath(doc.headings, heading) : '';
    return path && path !== self ? { section: path } : {};
  };
}

/** Structured fields (front matter or YAML): present when filled, partial when empty or a placeholder. */
function fieldsPass({ doc, targets, isPlaceholder }: PassContext): Findings {
  const found = emptyFindings(targets);
  const data = doc.frontMatter?.data;
  if (!data) return found;
  for (const target of targets) {
    for (const path of target.detection.fields) {
      const value = valueAt(data, path);
      if (value === undefined) continue;
      const located = locatePath(doc.frontMatter, resolvedPath(data, path));
      const evidence: Evidence = { via: 'field', text: `${path.join('.')}: ${summarise(value)}`, ...located.place };
      const bucket = found.get(target.element)!;
      if (isEmptyValue(value, isPlaceholder)) bucket.partial.push(evidence);
      else bucket.present.push(evidence);
    }
  }
  return found;
}

/**
 * A heading (or label) for an element is judged by what its section holds: real content, only
 * placeholders, some placeholders still, or content that does not cover what the rule qualifies.
 * Returns the range to hand on when the section is unfinished.
 */
function judgeSection(ctx: PassContext, target: DetectionTarget, content: string[], evidence: Evidence, bucket: Found): boolean {
  const substantive = content.filter((text) => text.trim() !== '' && !ctx.isPlaceholder(text));
  if (substantive.length === 0) {
    bucket.partial.push({ ...evidence, gap: content.length ? 'placeholder-only' : 'empty' });
  } else if (substantive.length < content.length) {
    bucket.partial.push({ ...evidence, gap: 'placeholders-left' });
    return true;
  } else if (target.detection.qualify.length && !substantive.some((text) => splitSentences(text).some((s) => matchesCue(s.text, target.detection.qualify)))) {
    bucket.partial.push({ ...evidence, gap: 'not-covered' });
  } else {
    bucket.present.push(evidence);
  }
  return false;
}

/** Headings and their sections; a `section` cue also reads a short section's own text. */
function headingsPass(ctx: PassContext): { found: Findings; unfinished: Unfinished } {
  const { doc, targets } = ctx;
  const found = emptyFindings(targets);
  const unfinished: Unfinished = new Map();
  for (const [index, heading] of doc.headings.entries()) {
    // Both computed at most once per heading, and only when a target needs them.
    let content: string[] | undefined;
    let direct: string | null | undefined;
    const evidence: Evidence = { via: 'heading', text: quote(heading.text), line: heading.line, column: heading.column, ...ctx.section(index, heading.text) };
    const folded = fold(heading.text); // once per heading, for every element's prefilter
    const pairs = pairsOf(folded);
    for (const target of targets) {
      if (target.detection.anyHeading.test(heading.text, folded, pairs)) {
        content ??= doc.blocks.slice(heading.block + 1, heading.end).filter((b) => b.kind !== 'heading').map((b) => b.text);
        if (judgeSection(ctx, target, content, evidence, found.get(target.element)!)) {
          unfinished.set(target.element, [...(unfinished.get(target.element) ?? []), [heading.block + 1, heading.end]]);
        }
      } else if (target.detection.section.length) {
        if (direct === undefined) direct = directContent(doc, heading.block);
        if (direct !== null && matchesCue(direct, target.detection.section) && !target.detection.anyExclude.test(direct)) found.get(target.element)!.present.push(evidence);
      }
    }
  }
  return { found, unfinished };
}

/** A sentence that introduces a list ("We have named these relevant agencies:") is read with the list. */
function leadInsPass({ doc, targets }: PassContext): Findings {
  const found = emptyFindings(targets);
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'heading' || !/:\s*$/.test(block.text)) return;
    let text = block.text;
    for (let i = index + 1; i < doc.blocks.length && doc.blocks[i]!.kind !== 'heading' && text.length < MAX_SECTION_CHARS * 2; i++) text += ` \n ${doc.blocks[i]!.text}`;
    for (const target of targets) {
      const d = target.detection;
      if (d.section.length && matchesCue(text, d.section) && !d.anyExclude.test(text)) {
        found.get(target.element)!.present.push({ via: 'sentence', text: quote(block.text), line: block.line, column: block.column });
      }
    }
  });
  return found;
}

/** Labels (a table row's first cell, a bold lead-in) count like headings, judged by the text beside them. */
function labelsPass(ctx: PassContext): Findings {
  const { doc, targets } = ctx;
  const found = emptyFindings(targets);
  for (const block of doc.blocks) {
    if (!block.label || block.rest === undefined) continue;
    const label = block.label;
    const evidence: Evidence = { via: 'heading', text: quote(label), line: block.line, column: block.column, ...ctx.section(block.heading) };
    const folded = fold(label);
    const pairs = pairsOf(folded);
    for (const target of targets) {
      if (target.detection.anyHeading.test(label, folded, pairs)) judgeSection(ctx, target, [block.rest], evidence, found.get(target.element)!);
    }
  }
  return found;
}

/**
 * Sentences anywhere in the body: every pattern of one cue in one sentence makes the element
 * present, a partial cue partial. Reads what the earlier passes found (`before`): an element
 * with MAX_EVIDENCE present already is not looked for again.
 */
function sentencesPass(ctx: PassContext, before: Findings, unfinished: Unfinished): Findings {
  const { doc, isPlaceholder } = ctx;
  const found = emptyFindings(ctx.targets);
  const sentenceTargets = ctx.targets.filter((t) => t.detection.sentences.length > 0 || t.detection.partial.length > 0);
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'heading' || isPlaceholder(block.text)) return;
    for (const sentence of sentencesOf(block)) {
      let foldedSentence: string | undefined; // once per sentence, for every element's prefilter
      let pairs: Uint32Array | undefined;
      for (const target of sentenceTargets) {
        const d = target.detection;
        const bucket = found.get(target.element)!;
        const earlier = before.get(target.element)!;
        if (earlier.present.length + bucket.present.length >= MAX_EVIDENCE) continue;
        foldedSentence ??= fold(sentence.text);
        pairs ??= pairsOf(foldedSentence);
        if (!d.sentenceGate.test(sentence.text, foldedSentence, pairs)) continue;
        if (unfinished.get(target.element)?.some(([from, to]) => index >= from && index < to)) continue;
        const strong = matchesCue(sentence.text, d.sentences);
        // Only the first MAX_EVIDENCE partial matches are ever reported: no need to look for more.
        const weak = !strong && earlier.partial.length + bucket.partial.length < MAX_EVIDENCE && matchesCue(sentence.text, d.partial);
        if (!strong && !weak) continue;
        if (d.anyExclude.test(sentence.text, foldedSentence, pairs)) continue;
        const evidence: Evidence = { via: 'sentence', text: quote(sentence.text), ...placeInBlock(block, sentence.offset), ...ctx.section(block.heading) };
        (strong ? bucket.present : bucket.partial).push(evidence);
      }
    }
  });
  return found;
}

/**
 * The text of the blocks under a heading up to the next heading of any level, joined by " \n ",
 * or null when it is longer than MAX_SECTION_CHARS (it stops reading there: no long section is
 * read once per heading).
 */
function directContent(doc: ParsedDocument, headingBlock: number): string | null {
  let text = '';
  for (let i = headingBlock + 1; i < doc.blocks.length && doc.blocks[i]!.kind !== 'heading'; i++) {
    text += (i > headingBlock + 1 ? ' \n ' : '') + doc.blocks[i]!.text;
    if (text.length > MAX_SECTION_CHARS) return null;
  }
  return text;
}

interface Sentence {
  text: string;
  offset: number;
}

// A sentence ends at . ! or ? followed by space (a colon or semicolon keeps a list with its lead-in), unless the next word starts in lower case
// (abbreviations such as "e.g. schools" stay in one sentence).
const SENTENCE_END = /[.!?]\s+(?=[^a-z])/g;

// Detection and the checks that read the body (outdated-term) split the same blocks: once each.
const sentencesByBlock = new WeakMap<Block, Sentence[]>();

export function sentencesOf(block: Block): Sentence[] {
  let sentences = sentencesByBlock.get(block);
  if (!sentences) sentencesByBlock.set(block, (sentences = splitSentences(block.text)));
  return sentences;
}

export function splitSentences(raw: string): Sentence[] {
  const text = raw.replace(/\s/g, ' ');
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index! + match[0].length;
    pushSentence(text, start, end, sentences);
    start = end;
  }
  pushSentence(text, start, text.length, sentences);
  return sentences;
}

function pushSentence(text: string, start: number, end: number, into: Sentence[]): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) into.push({ text: trimmed, offset: start + lead });
}

/** Reads a path; the segment "*" means "any item of the list" (the first that has the rest). */
function valueAt(data: unknown, path: string[]): unknown {
  return resolve(data, path)?.value;
}

function resolvedPath(data: unknown, path: string[]): (string | number)[] {
  return resolve(data, path)?.path ?? [];
}

function resolve(data: unknown, path: string[]): { value: unknown; path: (string | number)[] } | undefined {
  if (path.length === 0) return data === undefined || data === null ? undefined : { value: data, path: [] };
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    if (!Array.isArray(data)) return undefined;
    for (let i = 0; i < data.length; i++) {
      const inner = resolve(data[i], rest);
      if (inner) return { value: inner.value, path: [i, ...inner.path] };
    }
    return undefined;
  }
  if (data === null || typeof data !== 'object' || !Object.hasOwn(data, head)) return undefined;
  const inner = resolve((data as Record<string, unknown>)[head], rest);
  return inner && { value: inner.value, path: [Array.isArray(data) ? Number(head) : head, ...inner.path] };
}

function isEmptyValue(value: unknown, isPlaceholder: (text: string) => boolean): boolean {
  if (typeof value === 'string') return value.trim() === '' || isPlaceholder(value);
  if (Array.isArray(value)) return value.length === 0;
  if (value && typeof value === 'object') return Object.keys(value).length === 0;
  return value === false;
}

function summarise(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return quote(text);
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat;
}
