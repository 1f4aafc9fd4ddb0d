// Which elements a document addresses, and the evidence a reader can check:
// a structured field, a heading whose section has real content, or a sentence
// that actually deals with the element (every pattern of one cue in one sentence).
import type { ElementResult, Evidence } from '../types.js';
import { isConverted, type ParsedDocument } from '../parse/document.js';
import { headingPath, placeInBlock, type Block } from '../parse/markdown.js';
import { locatePath } from '../parse/locate.js';
import { anyOf, matchesCue, type CompiledDetection, type Matcher } from './detection.js';
import { fold, PAIR_WORDS, pairsOf } from './literals.js';
import type { ContentsList } from '../parse/plain/contents-list.js';
import type { SignatureBlock } from '../parse/plain/signatures.js';

export interface DetectionTarget {
  element: string;
  detection: CompiledDetection;
}

const MAX_EVIDENCE = 3;
const MAX_QUOTE = 160;
/** `section` cues read only short sections (a list under a heading), never a whole chapter. */
const MAX_SECTION_CHARS = 800;
/** One name beside a post is a contact or a member; two or more people named are signatories. */
const MIN_SIGNATORIES = 2;
/** A contents entry that introduces (a foreword by the partners) is not the section it names. */
const INTRODUCING_ENTRY = /^(?:foreword|introduction|welcome|message|statement|letter)\b.*\b(?:by|from)\b/iu;
/** A lead-in sentence shorter than this ("These are:") is read with the sentence before it. */
const SHORT_LEAD_IN = 40;
/** A sentence without a colon that still introduces the list after it ("The three partners are"). */
const LIST_LEAD_IN = /\b(?:are|is|include|includes|including|comprise|comprises|as follows|below|namely)\s*$/iu;

/**
 * Evidence one pass found for one element: enough for "present", only for "partial", or `weak`:
 * a contents entry or a mention, which speaks for the element only where no section on it is found.
 */
interface Found {
  present: Evidence[];
  partial: Evidence[];
  weak: Evidence[];
}

/** What plain text shows beyond headings and sentences (src/parse/plain/). */
export interface PlainEvidence {
  contents: ContentsList[];
  signatures: SignatureBlock[];
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
export function detectElements(
  doc: ParsedDocument,
  targets: DetectionTarget[],
  anyPlaceholder: Matcher,
  plain: PlainEvidence = { contents: [], signatures: [] },
): Record<string, ElementResult> {
  const ctx: PassContext = { doc, targets, isPlaceholder: onceEach(anyPlaceholder), section: sectionOf(doc) };
  const found = emptyFindings(targets);
  add(found, fieldsPass(ctx));
  const headings = headingsPass(ctx);
  add(found, headings.found);
  add(found, leadInsPass(ctx));
  add(found, labelsPass(ctx));
  add(found, contentsPass(ctx, plain.contents));
  add(found, signaturesPass(ctx, plain.signatures));
  add(found, sentencesPass(ctx, found, headings.unfinished));
  return statusOf(found);
}

/**
 * Present when any evidence says so; partial when a section found for the element is unfinished
 * (its verdict wins over a contents entry or a mention); present on a contents entry or a mention
 * alone; partial when only partial evidence is found; missing otherwise.
 */
function statusOf(found: Findings): Record<string, ElementResult> {
  const results: Record<string, ElementResult> = {};
  for (const [element, bucket] of found) {
    const sectionFound = bucket.partial.some((e) => e.via === 'heading');
    if (bucket.present.length) results[element] = { status: 'present', evidence: bucket.present.slice(0, MAX_EVIDENCE) };
    else if (bucket.weak.length && !sectionFound) results[element] = { status: 'present', evidence: bucket.weak.slice(0, MAX_EVIDENCE) };
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
    target.weak.push(...bucket.weak);
  }
}

function emptyFindings(targets: DetectionTarget[]): Findings {
  return new Map(targets.map((t) => [t.element, { present: [], partial: [], weak: [] }]));
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
function judgeSection(
  ctx: PassContext,
  target: DetectionTarget,
  content: string[],
  evidence: Evidence,
  bucket: Found,
  title = false,
): boolean {
  const substantive = content.filter((text) => text.trim() !== '' && !ctx.isPlaceholder(text));
  // The document's title: what it names is shown by the title itself, whatever a later section still lacks.
  if (title && substantive.length) {
    bucket.present.push(evidence);
  } else if (substantive.length === 0) {
    bucket.partial.push({ ...evidence, gap: content.length ? 'placeholder-only' : 'empty' });
  } else if (substantive.length < content.length) {
    bucket.partial.push({ ...evidence, gap: 'placeholders-left' });
    return true;
  } else if (
    target.detection.qualify.length &&
    !substantive.some((text) => splitSentences(text).some((s) => matchesCue(s.text, target.detection.qualify)))
  ) {
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
  const pairs = new Uint32Array(PAIR_WORDS); // each heading's in turn
  const directPairs = new Uint32Array(PAIR_WORDS);
  for (const [index, heading] of doc.headings.entries()) {
    // Each computed at most once per heading, and only when a target needs it.
    let content: string[] | undefined;
    let direct: { text: string; folded: string } | null | undefined;
    const evidence: Evidence = {
      via: 'heading',
      text: quote(heading.text),
      line: heading.line,
      column: heading.column,
      ...ctx.section(index, heading.text),
    };
    const folded = fold(heading.text); // once per heading, for every element's prefilter
    pairsOf(folded, pairs);
    for (const target of targets) {
      if (target.detection.mentions.length && target.detection.anyMention.test(heading.text, folded, pairs))
        found.get(target.element)!.weak.push(evidence);
      if (target.detection.anyHeading.test(heading.text, folded, pairs)) {
        content ??= doc.blocks
          .slice(heading.block + 1, heading.end)
          .filter((b) => b.kind !== 'heading')
          .map((b) => b.text);
        if (judgeSection(ctx, target, content, evidence, found.get(target.element)!, index === 0 && heading.depth === 1)) {
          unfinished.set(target.element, [...(unfinished.get(target.element) ?? []), [heading.block + 1, heading.end]]);
        }
      } else if (target.detection.section.length) {
        if (direct === undefined) {
          const text = directContent(doc, heading.block);
          direct = text === null ? null : { text, folded: fold(text) };
          if (direct) pairsOf(direct.folded, directPairs);
        }
        if (
          direct !== null &&
          matchesCue(direct.text, target.detection.section, direct.folded, directPairs) &&
          !target.detection.anyExclude.test(direct.text, direct.folded, directPairs)
        )
          found.get(target.element)!.present.push(evidence);
      }
    }
  }
  return { found, unfinished };
}

/**
 * A sentence that introduces a list ("We have named these relevant agencies:", "The three partners
 * are") is read with the list: its last sentence and what follows, up to the next heading after a
 * colon, or the list items after a sentence without one.
 */
function leadInsPass({ doc, targets, section }: PassContext): Findings {
  const found = emptyFindings(targets);
  const pairs = new Uint32Array(PAIR_WORDS); // each lead-in's in turn
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'heading') return;
    const colon = /:\s*$/.test(block.text);
    if (!colon && !(!block.listItem && doc.blocks[index + 1]?.listItem && LIST_LEAD_IN.test(block.text))) return;
    const sentences = sentencesOf(block);
    // "These are:" says nothing alone: the sentence before it says what the list is.
    const lead =
      sentences.length > 1 && sentences[sentences.length - 1]!.text.length < SHORT_LEAD_IN
        ? sentences[sentences.length - 2]!
        : sentences[sentences.length - 1]!;
    let text = sentences
      .slice(sentences.indexOf(lead))
      .map((s) => s.text)
      .join(' ');
    for (
      let i = index + 1;
      i < doc.blocks.length &&
      doc.blocks[i]!.kind !== 'heading' &&
      (colon || doc.blocks[i]!.listItem) &&
      text.length < MAX_SECTION_CHARS * 2;
      i++
    )
      text += ` \n ${doc.blocks[i]!.text}`;
    const folded = fold(text); // once per lead-in, for every element's prefilter
    pairsOf(folded, pairs);
    for (const target of targets) {
      const d = target.detection;
      if (d.section.length && matchesCue(text, d.section, folded, pairs) && !d.anyExclude.test(text, folded, pairs)) {
        found
          .get(target.element)!
          .present.push({ via: 'sentence', text: quote(lead.text), ...placeInBlock(block, lead.offset), ...section(block.heading) });
      }
    }
  });
  return found;
}

/** Entries of a table of contents, read as headings are: weak evidence, for a section not found. */
function contentsPass({ targets }: PassContext, lists: ContentsList[]): Findings {
  const found = emptyFindings(targets);
  const pairs = new Uint32Array(PAIR_WORDS); // each entry's in turn
  for (const list of lists) {
    for (const item of list.items) {
      if (INTRODUCING_ENTRY.test(item.title)) continue;
      const folded = fold(item.title);
      pairsOf(folded, pairs);
      for (const target of targets) {
        if (!target.detection.anyHeading.test(item.title, folded, pairs)) continue;
        const title = item.number === undefined ? item.title : `${item.number} ${item.title}`;
        found.get(target.element)!.weak.push({ via: 'contents', text: quote(title), line: item.line, column: item.column });
      }
    }
  }
  return found;
}

/** Signature blocks: the officers of every partner type an element's `signed_by` names, across the document, two or more people named. */
function signaturesPass({ targets }: PassContext, blocks: SignatureBlock[]): Findings {
  const found = emptyFindings(targets);
  const signed = new Set(blocks.flatMap((block) => block.partners));
  const people = blocks.reduce((count, block) => count + block.names.length, 0);
  for (const target of targets) {
    const wanted = target.detection.signedBy;
    if (wanted.length === 0 || people < MIN_SIGNATORIES || !wanted.every((partner) => signed.has(partner))) continue;
    for (const block of blocks.filter((b) => b.partners.some((partner) => wanted.includes(partner)))) {
      const text = `signed: ${[...block.names, ...block.posts, ...block.organisations].join(', ')}`;
      found.get(target.element)!.present.push({ via: 'signature', text: quote(text), line: block.line, column: block.column });
    }
  }
  return found;
}

/** Labels (a table row's first cell, a bold lead-in) count like headings, judged by the text beside them. */
function labelsPass(ctx: PassContext): Findings {
  const { doc, targets } = ctx;
  const found = emptyFindings(targets);
  const pairs = new Uint32Array(PAIR_WORDS); // each label's in turn
  for (const block of doc.blocks) {
    if (!block.label || block.rest === undefined) continue;
    const label = block.label;
    const evidence: Evidence = {
      via: 'heading',
      text: quote(label),
      line: block.line,
      column: block.column,
      ...ctx.section(block.heading),
    };
    const folded = fold(label);
    pairsOf(folded, pairs);
    for (const target of targets) {
      if (target.detection.anyHeading.test(label, folded, pairs))
        judgeSection(ctx, target, [block.rest], evidence, found.get(target.element)!);
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
  const pairs = new Uint32Array(PAIR_WORDS); // each sentence's in turn
  // What the loop reads of each element for every sentence, looked up once. An element with
  // MAX_EVIDENCE present is left out of the sentences after (nothing more of it is kept).
  let sought: Sought[] = ctx.targets
    .filter((t) => t.detection.sentences.length > 0 || t.detection.partial.length > 0 || t.detection.mentions.length > 0)
    .map((t) => ({
      detection: t.detection,
      bucket: found.get(t.element)!,
      earlier: before.get(t.element)!,
      unfinished: unfinished.get(t.element) ?? [],
    }))
    .filter((s) => !isFull(s));
  for (let index = 0; index < doc.blocks.length && sought.length; index++) {
    const block = doc.blocks[index]!;
    if (block.kind === 'heading' || isPlaceholder(block.text)) continue;
    for (const sentence of sentencesOf(block)) {
      const folded = fold(sentence.text); // once per sentence, for every element's prefilter
      pairsOf(folded, pairs);
      let filled = false;
      for (let t = 0; t < sought.length; t++) {
        const s = sought[t]!;
        const d = s.detection;
        const { bucket, earlier } = s;
        if (
          d.mentions.length &&
          earlier.weak.length + bucket.weak.length < MAX_EVIDENCE &&
          d.anyMention.test(sentence.text, folded, pairs) &&
          !d.anyExclude.test(sentence.text, folded, pairs)
        ) {
          bucket.weak.push(sentenceEvidence(ctx, block, sentence));
        }
        if (!d.sentenceGate(folded, pairs)) continue;
        if (s.unfinished.some(([from, to]) => index >= from && index < to)) continue;
        const strong = matchesCue(sentence.text, d.sentences, folded, pairs);
        // Only the first MAX_EVIDENCE partial matches are ever reported: no need to look for more.
        const weak =
          !strong && earlier.partial.length + bucket.partial.length < MAX_EVIDENCE && matchesCue(sentence.text, d.partial, folded, pairs);
        if (!strong && !weak) continue;
        if (d.anyExclude.test(sentence.text, folded, pairs)) continue;
        (strong ? bucket.present : bucket.partial).push(sentenceEvidence(ctx, block, sentence));
        filled ||= strong && isFull(s);
      }
      if (filled) sought = sought.filter((s) => !isFull(s));
    }
  }
  return found;
}

/** A sentence as evidence (a list item's via `list-item`). */
function sentenceEvidence(ctx: PassContext, block: Block, sentence: Sentence): Evidence {
  return {
    via: block.listItem ? 'list-item' : 'sentence',
    text: quote(sentence.text),
    ...placeInBlock(block, sentence.offset),
    ...ctx.section(block.heading),
  };
}

/** One element as the sentences pass reads it: its cues, what it found, what earlier passes found, sections it skips. */
interface Sought {
  detection: CompiledDetection;
  bucket: Found;
  earlier: Found;
  unfinished: [number, number][];
}

const isFull = (s: Sought): boolean => s.earlier.present.length + s.bucket.present.length >= MAX_EVIDENCE;

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

export interface Sentence {
  text: string;
  offset: number;
}

/** A block as the sentence readers see it: its text with every white space a space, and its sentences. */
export interface BlockSentences {
  text: string;
  sentences: Sentence[];
  /** fold(text), once a reader has asked for it (foldedText). */
  folded: string | undefined;
}

/** The block's text folded for literal prefilters: made once, however many checks read the block. */
export function foldedText(split: BlockSentences): string {
  return (split.folded ??= fold(split.text));
}

// A sentence ends at . ! or ? followed by space (a colon or semicolon keeps a list with its lead-in), unless the next word starts in lower case
// (abbreviations such as "e.g. schools" stay in one sentence).
const SENTENCE_END = /[.!?]\s+(?=[^a-z])/g;
const OTHER_SPACE = /[^\S ]/;
const OTHER_SPACES = /[^\S ]/g;

// Detection and the checks that read the body (outdated-term) split the same blocks: once each.
const sentencesByBlock = new WeakMap<Block, BlockSentences>();

export function blockSentences(block: Block): BlockSentences {
  let split = sentencesByBlock.get(block);
  if (!split) sentencesByBlock.set(block, (split = splitBlock(block.text)));
  return split;
}

export function sentencesOf(block: Block): Sentence[] {
  return blockSentences(block).sentences;
}

export function splitSentences(raw: string): Sentence[] {
  return splitBlock(raw).sentences;
}

function splitBlock(raw: string): BlockSentences {
  // Every white space becomes a space: only other white space needs replacing (most text has none).
  const text = OTHER_SPACE.test(raw) ? raw.replace(OTHER_SPACES, ' ') : raw;
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index! + match[0].length;
    pushSentence(text, start, end, sentences);
    start = end;
  }
  pushSentence(text, start, text.length, sentences);
  return { text, sentences, folded: undefined };
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

// The rewrite makes a new string of any text with white space (every sentence): a quote kept as
// a slice of its sentence would keep the whole text of the document in memory with the result,
// and check keeps every result to the end (a shortcut that skipped it cost 45 MB at 1,000 areas).
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat;
}
