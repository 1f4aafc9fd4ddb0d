// What the document is: kind, edition, area and its dates, read from the front
// matter or, when absent, inferred (each inference is reported at `info`).
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { DOCUMENT_KINDS, type DocumentKind } from '../types.js';
import type { ParsedDocument } from '../parse/document.js';
import { showValue } from './show-value.js';

export interface EditionWindow {
  edition: string;
  from: string;
  until?: string;
}

export interface DocumentMeta {
  kind: DocumentKind | null;
  /** How the kind was inferred when the front matter did not give it. */
  kindInferredFrom: string | null;
  edition: string | null;
  /** How the edition was inferred when the front matter did not give it. */
  editionInferredFrom: string | null;
  /** An `edition` the front matter gives that no pack knows. */
  unknownEdition: string | null;
  area: string | null;
  /** The date that places the document in time: published, else the end of the period. */
  date: string | null;
}

export function readDate(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return isValid(parseISO(value)) ? value : null;
}

export interface EditionChoice {
  /** --edition: overrides what the document says. */
  forced?: string;
  /** The config's edition: used when the document does not say. */
  fallback?: string;
}

export function extractMeta(doc: ParsedDocument, editions: EditionWindow[], asOf: string, choice: EditionChoice = {}): DocumentMeta {
  const { forced: forcedEdition, fallback: defaultEdition } = choice;
  const fm = doc.frontMatter?.data ?? {};
  const meta: DocumentMeta = {
    kind: null,
    kindInferredFrom: null,
    edition: null,
    editionInferredFrom: null,
    unknownEdition: null,
    area: null,
    date: null,
  };

  if (typeof fm.kind === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(fm.kind)) {
    meta.kind = fm.kind as DocumentKind;
  } else if (fm.kind === undefined) {
    const inferred = inferKind(doc);
    if (inferred) [meta.kind, meta.kindInferredFrom] = inferred;
  }

  const title = doc.headings.find((h) => h.depth === 1)?.text;
  meta.area = typeof fm.area === 'string' && fm.area.trim() ? fm.area.trim() : (title ?? null);

  const period = fm.period as Record<string, unknown> | undefined;
  meta.date = readDate(fm.published) ?? readDate(period?.end) ?? null;

  const known = new Set(editions.map((e) => e.edition));
  const stated = fm.edition === undefined || fm.edition === null ? null : showValue(fm.edition);
  if (stated !== null && !known.has(stated)) meta.unknownEdition = stated;
  if (forcedEdition) {
    meta.edition = forcedEdition;
  } else if (stated !== null && known.has(stated)) {
    meta.edition = stated;
  } else if (defaultEdition && known.has(defaultEdition)) {
    meta.edition = defaultEdition;
  } else {
    const at = meta.date ?? asOf;
    const window = editions.find((e) => e.from <= at && (!e.until || at <= e.until));
    if (window) {
      meta.edition = window.edition;
      meta.editionInferredFrom = meta.date
        ? `its date ${meta.date} falls within the ${window.edition} edition (in force from ${window.from}${window.until ? ` to ${window.until}` : ''})`
        : `it gives no date, so the edition in force on ${asOf} is assumed`;
    }
  }
  return meta;
}

// Child death review cues come first: "Child Death Overview Panel annual report" is not the safeguarding partners' yearly report.
export const KIND_CUES: [RegExp, DocumentKind][] = [
  [/\b(?:child\s+death\s+overview\s+panel|CDOP|child\s+death\s+reviews?)\b.*\breport\b|\b(?:annual|yearly)\s+report\b.*\b(?:child\s+death|CDOP)\b|\bcdr\s+report\b/i, 'cdr-report'],
  [/\bchild\s+death\s+(?:review|overview)\b|\bCDOP\b|\bcdr\s+arrangements\b/i, 'cdr-arrangements'],
  [/\b(annual|yearly)\s+report\b/i, 'yearly-report'],
  [/\bsafeguarding\s+arrangements\b|\barrangements\b/i, 'arrangements'],
];

function inferKind(doc: ParsedDocument): [DocumentKind, string] | null {
  const file = doc.path.split(/[\\/]/).pop() ?? '';
  const fileName = file.replace(/[-_]/g, ' ');
  for (const [cue, kind] of KIND_CUES) if (cue.test(fileName)) return [kind, `its file name "${file}"`];
  const title = doc.headings.find((h) => h.depth === 1) ?? doc.headings[0];
  if (title) for (const [cue, kind] of KIND_CUES) if (cue.test(title.text)) return [kind, `its title "${title.text}"`];
  return null;
}
