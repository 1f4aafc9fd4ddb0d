// Metadata of an HTML page or Word document that has no sidecar, read from where its text
// says it: "Published: 29 November 2024", "Annual Report 2023-24", "in line with Working
// Together 2023", "Northshire Safeguarding Children Partnership". What is found becomes the
// document's front matter, each key placed at the text it came from, and is reported at
// `info` (src/lint.ts) so the reader knows what was assumed.
import { isValid } from 'date-fns';
import { stringify } from 'yaml';
import { parseYaml, type FrontMatter } from '../parse/front-matter.js';
import { placeInBlock } from '../parse/markdown.js';
import { KIND_CUES } from './meta.js';
import type { ParsedDocument } from '../parse/document.js';
import type { Place } from '../types.js';

export type InferredKey = 'kind' | 'area' | 'edition' | 'published';

export interface InferredValue extends Place {
  key: InferredKey;
  value: string | number;
  /** The words it was read from. */
  quote: string;
}

interface Unit {
  text: string;
  place: (offset: number) => Place;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = `(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}))`;
const PUBLISHED = new RegExp(`\\b(?:first\\s+published|published(?:\\s+on)?|date\\s+of\\s+publication|publication\\s+date|date\\s+published)\\s*[:\\-–—]?\\s*${DATE}`, 'iu');
const WORKING_TOGETHER = /\bWorking Together(?: to Safeguard Children)?,?\s*\(?(\d{4})\b/giu;
const PARTNERSHIP =
  /((?:[A-Z][\p{L}'’.-]*\s+|(?:and|&)\s+(?=[A-Z])){1,6})(Safeguarding Children(?:'s|’s)? Partnership|Children(?:'s|’s)? Safeguarding Partnership|Safeguarding Partnership|Safeguarding Children Board)/u;
const LEADING_WORDS = /^(?:(?:The|In|At|By|For|From|Welcome|Our|This|To|And)\s+)+/u;

export function inferMetaFromText(doc: ParsedDocument, editions: string[]): InferredValue[] {
  const headings: Unit[] = doc.headings.map((h) => {
    const block = doc.blocks[h.block]!;
    return { text: block.text, place: (offset) => placeInBlock(block, offset) };
  });
  const blocks: Unit[] = doc.blocks.map((b) => ({ text: b.text.replace(/\s/g, ' '), place: (offset) => placeInBlock(b, offset) }));
  const title = doc.headings.find((h) => h.depth === 1) ?? doc.headings[0];
  const found: InferredValue[] = [];

  if (title) {
    const cue = KIND_CUES.find(([pattern]) => pattern.test(title.text));
    if (cue) found.push({ key: 'kind', value: cue[1], quote: title.text, line: title.line, column: title.column });
  }

  for (const unit of [...headings, ...blocks]) {
    const match = PARTNERSHIP.exec(unit.text);
    if (!match) continue;
    const lead = LEADING_WORDS.exec(match[0])?.[0].length ?? 0;
    const name = match[0].slice(lead).replace(/\s+/g, ' ').trim();
    if (name === match[2]) continue; // no name before "Safeguarding Children Partnership"
    found.push({ key: 'area', value: name, quote: excerpt(unit.text), ...unit.place(match.index + lead) });
    break;
  }

  const known = new Set(editions);
  let edition: InferredValue | undefined;
  for (const unit of blocks.concat(headings)) {
    for (const match of unit.text.matchAll(WORKING_TOGETHER)) {
      const year = match[1]!;
      if (!known.has(year) || (edition && Number(edition.value) >= Number(year))) continue;
      edition = { key: 'edition', value: Number(year), quote: match[0], ...unit.place(match.index!) };
    }
  }
  if (edition) found.push(edition);

  for (const unit of [...blocks, ...headings]) {
    const match = PUBLISHED.exec(unit.text);
    const date = match && dateOf(match);
    if (!date) continue;
    found.push({ key: 'published', value: date, quote: match[0], ...unit.place(match.index) });
    break;
  }
  return found.sort((a, b) => KEY_ORDER.indexOf(a.key) - KEY_ORDER.indexOf(b.key));
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

const KEY_ORDER: InferredKey[] = ['kind', 'area', 'edition', 'published'];

function dateOf(match: RegExpExecArray): string | null {
  const g = match.slice(1);
  let day: number;
  let month: number;
  let year: number;
  if (g[0]) [day, month, year] = [Number(g[0]), MONTHS.findIndex((m) => m.startsWith(g[1]!.toLowerCase().slice(0, 3))) + 1, Number(g[2])];
  else if (g[3]) [year, month, day] = [Number(g[3]), Number(g[4]), Number(g[5])];
  else [day, month, year] = [Number(g[6]), Number(g[7]), Number(g[8])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!isValid(date) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** The inferred values as front matter, each key placed at the text it was read from. */
export function inferredFrontMatter(values: InferredValue[]): FrontMatter {
  const data = Object.fromEntries(values.map((v) => [v.key, v.value]));
  const { frontMatter } = parseYaml(stringify(data), 0);
  frontMatter.places = Object.fromEntries(values.map((v) => [v.key, { line: v.line, column: v.column }]));
  return frontMatter;
}
