// Which document this is, read as a reader reads it, when nothing states it: the kind from the
// title, the file name and how the text speaks of itself; the period and publication date from
// the dates it gives; the edition from what it cites, then from its dates (a 2019-20 report
// cannot answer to an edition that took effect in December 2023), then from the terms of one
// era weighed together, and only then from the as-of date. Every value carries the words it
// came from; where the signals disagree or are weak, `doubts` says so. Pure: the as-of date is
// an input. One module for Markdown without front matter, web pages, Word files and PDFs.
import type { CueWhere, InferenceRules } from '../../reference/inference-rules.js';
import type { ParsedDocument } from '../../parse/document.js';
import type { DocumentKind, Place } from '../../types.js';
import type { EditionWindow } from '../meta.js';
import type { PackRegExp } from '../../pack/regex.js';
import { compileInference, NO_RULES, type CompiledInference } from './compile.js';
import { DATE_SOURCE, dateOfGroups, datesIn, periodsIn, type TextDate, type TextPeriod } from './dates.js';
import { excerpt, unitsOf, type Unit, type Units } from './text-units.js';

export interface Inferred<T> extends Place {
  value: T;
  /** Why, in words that quote the text with line numbers. */
  reason: string;
  /** The words it rests on most, or null when no words of the text do (a file name, the as-of date). */
  quote: string | null;
  /** Taken from a PDF's own properties, not its text: only a hint. */
  hint?: 'Title property' | 'creation date';
}

/** How a publication date was introduced: "Published …", "Last updated …", or a date line. */
export type PublishedHow = 'published' | 'updated' | 'dated';

export interface Inference {
  kind: Inferred<DocumentKind> | null;
  area: Inferred<string> | null;
  edition: Inferred<string> | null;
  period: Inferred<{ start: string; end: string }> | null;
  /** The publication date; a month alone ("June 2019") dates the document but is no `published:` day. */
  published: (Inferred<TextDate> & { how: PublishedHow }) | null;
  /** Where the signals disagree, or are too weak to be sure, by the key they are about. */
  doubts: { key: 'kind' | 'edition' | 'published'; text: string }[];
}

export interface InferenceInput {
  editions: EditionWindow[];
  asOf: string;
  rules?: InferenceRules;
}

/** A place in the text, shown to the user. */
interface Hit extends Place {
  quote: string;
}

const at = (unit: Unit, index: number, quote: string): Hit => ({ quote: excerpt(quote), ...unit.place(index) });
const cite = (hit: Hit) => `"${hit.quote}" (line ${hit.line})`;

export function inferDocument(doc: ParsedDocument, input: InferenceInput): Inference {
  const rules = compileInference(input.rules ?? NO_RULES);
  const units = unitsOf(doc);
  const kindDoubts: string[] = [];
  const editionDoubts: string[] = [];
  const kind = inferKind(units, rules, kindDoubts);
  const published = inferPublished(units, doc);
  const titlePeriod = inferPeriod(units);
  // Arrangements name years ("our priorities for 2024-25") but report on no period.
  const period = kind?.value === 'arrangements' ? null : titlePeriod;
  // Years that arrangements name date the text, but bind it less than a report's period does.
  const edition = inferEdition(
    units,
    rules,
    input,
    { published, period: titlePeriod, periodBinds: kind?.value !== 'arrangements' },
    editionDoubts,
  );
  const doubts = [
    ...kindDoubts.map((text) => ({ key: 'kind' as const, text })),
    ...editionDoubts.map((text) => ({ key: 'edition' as const, text })),
  ];
  return { kind, area: inferArea(units), edition, period, published, doubts };
}

// ——— kind ———

/** The kind alone, for a document whose front matter gives everything but `kind`. */
export function inferKindOf(doc: ParsedDocument, rules?: InferenceRules): Inferred<DocumentKind> | null {
  return inferKind(unitsOf(doc), compileInference(rules ?? NO_RULES), []);
}

function inferKind(units: Units, rules: CompiledInference, doubts: string[]): Inferred<DocumentKind> | null {
  type Score = { weight: number; hits: string[]; place: Hit | null; placed: Set<CueWhere> };
  const scores = new Map<DocumentKind | 'other', Score>();
  for (const cue of rules.kindCues) {
    for (const where of cue.where) {
      const score = scores.get(cue.kind) ?? { weight: 0, hits: [], place: null, placed: new Set<CueWhere>() };
      // The title (or else a top line) and the file name each count once per kind; text cues each count.
      if (where !== 'text' && (score.placed.has(where) || (where === 'top' && score.placed.has('title')))) continue;
      const hit = findCue(units, where, cue.patterns);
      if (!hit) continue;
      score.weight += cue.weights[where];
      score.hits.push(hit.words);
      score.place ??= hit.place;
      if (where !== 'text') score.placed.add(where);
      scores.set(cue.kind, score);
    }
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].weight - a[1].weight);
  const [best, second] = ranked;
  if (!best) return null;
  const margin = best[1].weight - (second?.[1].weight ?? 0);
  const name = (kind: DocumentKind | 'other') => (kind === 'other' ? 'a paper about a report or the arrangements' : kind);
  if (margin < rules.kind.min_margin) {
    doubts.push(`the kind is unclear: ${ranked.map(([k, s]) => `${name(k)} (${s.hits.join(', ')})`).join(' against ')}`);
    return null;
  }
  if (best[0] === 'other') {
    doubts.push(`it reads as a paper about a report or the arrangements, not the document itself (${best[1].hits.join(', ')})`);
    return null;
  }
  if (second) doubts.push(`it also reads as ${name(second[0])} (${second[1].hits.join(', ')}); chose ${best[0]}, which weighs more`);
  else if (best[1].weight < rules.kind.weights.top) doubts.push(`only the text's wording points to ${best[0]}; its title does not say`);
  const place = best[1].place;
  return {
    value: best[0],
    reason: best[1].hits.slice(0, 3).join(', '),
    quote: place?.quote ?? null,
    line: place?.line ?? 1,
    column: place?.column ?? 1,
  };
}

function findCue(units: Units, where: CueWhere, patterns: PackRegExp[]): { words: string; place: Hit | null } | null {
  if (where === 'file') {
    return patterns.some((p) => p.test(units.fileName)) ? { words: `its file name "${units.file}"`, place: null } : null;
  }
  if (where === 'title' || where === 'top') {
    const line = (where === 'title' ? (units.title ? [units.title] : []) : units.top).find((t) => patterns.some((p) => p.test(t.text)));
    if (!line) return null;
    const hit = at(line, 0, line.text);
    return { words: `${where === 'title' ? 'its title' : 'a line at its top'} ${cite(hit)}`, place: hit };
  }
  // The rest of the opening pages: the title and top lines have had their say.
  const hit = firstMatch(units, patterns, new Set([units.title, ...units.top]), READ_BLOCKS);
  return hit ? { words: `the text says ${cite(hit)}`, place: hit } : null;
}

// ——— dates ———

// What a publication date is introduced by, strongest first. The grammar, not domain terms.
const PUBLISHED_CUES: { how: PublishedHow; pattern: RegExp }[] = [
  {
    how: 'published',
    pattern: /\b(?:first\s+)?published(?:\s+(?:on|in))?|\bdate\s+of\s+publication|\bpublication\s+date|\bdate\s+published/iu,
  },
  {
    how: 'updated',
    pattern:
      /\b(?:last\s+)?(?:updated|reviewed|revised|amended)(?:\s+(?:on|in))?|\bdate\s+of\s+(?:issue|approval|review)|\bissued(?:\s+on)?|\b(?:approved|agreed|ratified|signed(?:\s+off)?)(?:\s+(?:on|in))?|\beffective\s+(?:from|date)|\bversion\s+date|\bdate\s+of\s+(?:meeting|decision)|\bmeeting\s*:|^\s*date/iu,
  },
];
// Between the cue and its date: a colon or dash, or a form's dotted leaders ("Date of Meeting: ……14 th June 2019").
const CUE_THEN_DATE = (cue: RegExp) => new RegExp(`(?:${cue.source})\\s*[:\\-–—]?[\\s.…]*${DATE_SOURCE}`, 'iu');
const CUE_PATTERNS = PUBLISHED_CUES.map((c) => ({ how: c.how, pattern: CUE_THEN_DATE(c.pattern) }));
const DATE_LINE = new RegExp(`^\\s*(?:[A-Za-z ]{0,20}[,:]\\s*)?${DATE_SOURCE}\\s*$`, 'iu');
const STARTS_WITH_DATE = new RegExp(`^\\s*${DATE_SOURCE}\\b`, 'iu');
const FOREWORD = /\b(?:foreword|introduction|welcome|preface)\b/iu;
/**
 * What the document is and when it was published, a reader tells from its opening pages: the
 * kind's text cues and the publication date are looked for in the first blocks only (citations,
 * era terms and periods in all of it).
 */
const READ_BLOCKS = 400;
/** How far down a date line or a block that opens with a date still dates the document. */
const TOP_BLOCKS = 12;

function inferPublished(units: Units, doc: ParsedDocument): Inference['published'] {
  for (const { how, pattern } of CUE_PATTERNS) {
    for (const unit of units.all) {
      if (unit.block >= READ_BLOCKS) break;
      const m = pattern.exec(unit.text);
      const date = m && dateFrom(m, unit);
      if (date) return { value: date.date, reason: `from ${cite(date.hit)}`, how, ...date.hit };
    }
  }
  // A dated foreword or title page: a line that is only a date, or a block that opens with one.
  const forewords = new Set(doc.headings.filter((h) => FOREWORD.test(h.text)).flatMap((h) => range(h.block, h.end)));
  for (const unit of units.all) {
    const near = unit.block < TOP_BLOCKS || forewords.has(unit.block);
    if (!near) continue;
    const m = DATE_LINE.exec(unit.text) ?? (unit.block < TOP_BLOCKS ? STARTS_WITH_DATE.exec(unit.text) : null);
    const date = m && dateFrom(m, unit);
    if (date)
      return {
        value: date.date,
        reason: `from the date ${cite(date.hit)}${forewords.has(unit.block) ? ' in the foreword' : ' at the top'}`,
        how: 'dated',
        ...date.hit,
      };
  }
  return null;
}

function dateFrom(m: RegExpExecArray, unit: Unit): { date: TextDate; hit: Hit } | null {
  const groups = m.slice(m.length - 11);
  const date = dateOfGroups(groups, m.index, m[0]);
  return date ? { date, hit: at(unit, m.index, m[0]) } : null;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** The period the document reports on: the one its title names, else the one it names most. */
function inferPeriod(units: Units): Inferred<{ start: string; end: string }> | null {
  const found: { period: TextPeriod; unit: Unit }[] = [];
  for (const unit of units.all) for (const period of periodsIn(unit.text)) found.push({ period, unit });
  if (!found.length) return null;
  const groups = new Map<string, { score: number; members: typeof found }>();
  for (const entry of found) {
    const key = entry.period.end.slice(0, 4);
    const group = groups.get(key) ?? { score: 0, members: [] };
    group.score += entry.unit === units.title ? 100 : entry.unit.block < TOP_BLOCKS ? 3 : 1;
    group.members.push(entry);
    groups.set(key, group);
  }
  const best = [...groups.values()].sort((a, b) => b.score - a.score || a.members[0]!.unit.block - b.members[0]!.unit.block)[0]!;
  const chosen = best.members.find((m) => m.period.form === 'months') ?? best.members[0]!;
  const hit = at(chosen.unit, chosen.period.index, chosen.period.text);
  const inTitle = best.members.find((m) => m.unit === units.title);
  const titled = inTitle && at(inTitle.unit, inTitle.period.index, inTitle.period.text);
  const reason = titled
    ? `its title names ${cite(titled)}${inTitle !== chosen ? `, which the text gives as ${cite(hit)}` : ''}`
    : `it names ${cite(hit)}${best.members.length > 1 ? ` (${best.members.length} times)` : ''}`;
  return { value: { start: chosen.period.start, end: chosen.period.end }, reason, ...hit };
}

// ——— edition ———

interface DocumentDates {
  published: Inferred<TextDate> | null;
  /** A report's period rules out editions not in force during it; years named by arrangements only date the text. */
  periodBinds: boolean;
  period: Inferred<{ start: string; end: string }> | null;
}

function inForce(window: EditionWindow, from: string, until: string): boolean {
  return window.from <= until && (!window.until || from <= window.until);
}

function inferEdition(
  units: Units,
  rules: CompiledInference,
  input: InferenceInput,
  dates: DocumentDates,
  doubts: string[],
): Inferred<string> | null {
  const { editions } = input;
  if (!editions.length) return null;
  const known = new Set(editions.map((e) => e.edition));
  const byEdition = (edition: string) => editions.find((e) => e.edition === edition)!;

  // What it cites, per edition: the first place and how often.
  const citations = new Map<string, { first: Hit; count: number }>();
  for (const unit of units.all) {
    for (const pattern of rules.citations) {
      for (const m of unit.text.matchAll(pattern.for(unit.text))) {
        const year = m[1]!.length === 2 ? `20${m[1]}` : m[1]!;
        if (!known.has(year)) continue;
        const seen = citations.get(year);
        if (seen) seen.count++;
        else citations.set(year, { first: at(unit, m.index!, m[0]), count: 1 });
      }
    }
  }

  // The window of time the document belongs to: its period and its publication.
  // A text cannot cite guidance published after it was written: the latest edition it cites
  // moves its publication date on ("published in June 2019" on a page that cites Working Together 2023 tells
  // of the first version; the page was revised since).
  // A report answers to the editions in force during the period it covers, whatever it cites.
  const from = dates.period?.value.start ?? dates.published?.value.iso;
  const dated = dates.period?.value.end ?? dates.published?.value.latest;
  const latestCited = editions
    .filter((e) => citations.has(e.edition))
    .map((e) => e.from)
    .sort()
    .pop();
  const until = !(dates.period && dates.periodBinds) && dated && latestCited && latestCited > dated ? latestCited : dated;
  const dating = [
    dates.period && `covers ${dates.period.value.start} to ${dates.period.value.end} (${dates.period.reason})`,
    dates.published &&
      `is dated ${dates.published.value.precision === 'day' ? dates.published.value.iso : dates.published.value.iso.slice(0, 7)} (${dates.published.reason})`,
  ].filter(Boolean) as string[];
  const possible = from && until ? editions.filter((e) => inForce(e, from, until)) : editions;
  const candidates = possible.length ? possible : editions;

  const era = weighEra(
    units,
    rules,
    candidates.map((e) => e.edition),
  );
  const citationText = (edition: string) => {
    const c = citations.get(edition)!;
    return `cites ${cite(c.first)}${c.count > 1 ? ` (${c.count} times)` : ''}`;
  };
  const choose = (edition: string, reasons: string[], place: (Place & { quote: string | null }) | null): Inferred<string> => {
    for (const [other, c] of citations) {
      if (other === edition) continue;
      const ruledOut = !candidates.some((e) => e.edition === other);
      doubts.push(
        `it also cites ${cite(c.first)}${ruledOut ? `, which its dates rule out (the ${other} edition was not in force then)` : ''}; chose ${edition}`,
      );
    }
    if (era.decided && era.decided.edition !== edition)
      doubts.push(`its terms lean to ${era.decided.edition} (${era.decided.words}); chose ${edition}`);
    return { value: edition, reason: reasons.join('; '), quote: place?.quote ?? null, line: place?.line ?? 1, column: place?.column ?? 1 };
  };

  // 1. Dates that leave one edition: a report for 2019-20 answers to 2018 whatever it cites.
  if (candidates.length === 1 && from && until) {
    const edition = candidates[0]!.edition;
    const because = [...dating];
    if (citations.has(edition)) because.unshift(citationText(edition));
    const window = byEdition(edition);
    because.push(`only the ${edition} edition was in force then (${window.from}${window.until ? ` to ${window.until}` : ' on'})`);
    return choose(edition, because, citations.get(edition)?.first ?? dates.period ?? dates.published);
  }
  // 2. What it cites, among the editions its dates allow: the most cited, the later on a tie.
  const cited = candidates
    .filter((e) => citations.has(e.edition))
    .sort((a, b) => citations.get(b.edition)!.count - citations.get(a.edition)!.count || (b.from < a.from ? -1 : 1));
  if (cited.length) {
    const edition = cited[0]!.edition;
    const because = [citationText(edition), ...dating];
    if (dated && dated < byEdition(edition).from)
      because.push(`a text cannot cite guidance published after it, so it was revised after the date it gives`);
    if (era.decided?.edition === edition) because.push(`names ${era.decided.words}`);
    return choose(edition, because, citations.get(edition)!.first);
  }
  // 3. Terms of one era, weighed together.
  if (era.decided) {
    return choose(era.decided.edition, [`names ${era.decided.words}`, ...dating], era.decided.place);
  }
  if (era.leaning) doubts.push(`its terms are too few to decide (${era.leaning})`);
  // 4. The date it gives: the edition in force on it.
  if (until) {
    const on = dates.published?.value.latest ?? until;
    const window = candidates.find((e) => inForce(e, on, on)) ?? candidates[candidates.length - 1]!;
    doubts.push(`nothing in the text names the edition; chose ${window.edition} from its date alone`);
    return choose(window.edition, [...dating, `the ${window.edition} edition was in force on ${on}`], dates.published ?? dates.period);
  }
  // 5. The latest date it mentions (up to the as-of date), else the as-of date.
  const latest = latestDate(units, input.asOf);
  if (latest) {
    // In force then; a date before every edition still places the text in the first one's era.
    const window = editions.find((e) => !e.until || latest.date <= e.until)!;
    doubts.push(`it cites no edition and gives no publication date; chose ${window.edition} from the latest date it mentions`);
    return choose(
      window.edition,
      [`the latest date it mentions is ${cite(latest.hit)}, when the ${window.edition} edition was in force`],
      latest.hit,
    );
  }
  const window = editions.find((e) => inForce(e, input.asOf, input.asOf)) ?? editions[editions.length - 1]!;
  doubts.push(`it gives no date, citation or era terms; chose ${window.edition}, the edition in force on the as-of date ${input.asOf}`);
  return choose(window.edition, [`nothing in the text dates it, so the edition in force on ${input.asOf} is assumed`], null);
}

interface EraWeighing {
  decided: { edition: string; words: string; place: Hit } | null;
  /** Terms found that did not reach a decision, in words. */
  leaning: string | null;
}

function weighEra(units: Units, rules: CompiledInference, editions: string[]): EraWeighing {
  const found = new Map<string, { weight: number; hits: Hit[] }>();
  for (const term of rules.terms) {
    if (!editions.includes(term.edition)) continue;
    const hit = firstMatch(units, term.patterns);
    if (!hit) continue;
    const entry = found.get(term.edition) ?? { weight: 0, hits: [] };
    entry.weight += term.weight;
    entry.hits.push(hit);
    found.set(term.edition, entry);
  }
  const ranked = [...found.entries()].sort((a, b) => b[1].weight - a[1].weight);
  const [best, second] = ranked;
  if (!best) return { decided: null, leaning: null };
  const words = (hits: Hit[]) =>
    hits
      .sort((a, b) => a.line - b.line || a.column - b.column)
      .map(cite)
      .join(', ');
  const { min_terms, min_weight, min_margin } = rules.era;
  if (best[1].hits.length >= min_terms && best[1].weight >= min_weight && best[1].weight - (second?.[1].weight ?? 0) >= min_margin) {
    return { decided: { edition: best[0], words: words(best[1].hits), place: best[1].hits[0]! }, leaning: null };
  }
  return { decided: null, leaning: ranked.map(([edition, e]) => `${edition}: ${words(e.hits)}`).join('; ') };
}

function firstMatch(units: Units, patterns: PackRegExp[], skip?: Set<Unit | null>, limit = Infinity): Hit | null {
  for (const unit of units.all) {
    if (unit.block >= limit) break;
    if (skip?.has(unit)) continue;
    for (const pattern of patterns) {
      const m = pattern.for(unit.text).exec(unit.text);
      if (m) return at(unit, m.index, m[0]);
    }
  }
  return null;
}

function latestDate(units: Units, asOf: string): { date: string; hit: Hit } | null {
  let best: { date: string; hit: Hit } | null = null;
  for (const unit of units.all) {
    for (const d of datesIn(unit.text)) {
      if (d.latest > asOf || (best && d.latest <= best.date)) continue;
      best = { date: d.latest, hit: at(unit, d.index, d.text) };
    }
  }
  return best;
}

// ——— area ———

const PARTNERSHIP =
  /((?:(?!(?:Partnership|Board)\b)[A-Z][\p{L}'’.-]*\s+|(?:and|&)\s+(?=[A-Z])){1,6})(Safeguarding Children(?:'s|’s)? Partnership|Children(?:'s|’s)? Safeguarding Partnership|Safeguarding Partnership|Safeguarding Children Board)/u;
const LEADING_WORDS = /^(?:(?:The|In|At|By|For|From|Welcome|Our|This|To|And)\s+)+/u;

/** The partnership the document names first: in its headings, else in its text. */
function inferArea(units: Units): Inferred<string> | null {
  for (const unit of [...units.headings, ...units.all]) {
    const match = PARTNERSHIP.exec(unit.text);
    if (!match) continue;
    const lead = LEADING_WORDS.exec(match[0])?.[0].length ?? 0;
    const name = match[0].slice(lead).replace(/\s+/g, ' ').trim();
    if (name === match[2]) continue; // no name before "Safeguarding Children Partnership"
    const hit = at(unit, match.index + lead, unit.text);
    return { value: name, reason: `it names ${cite(hit)}`, ...hit };
  }
  return null;
}
