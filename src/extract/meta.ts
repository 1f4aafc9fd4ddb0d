// What the document is: kind, edition, area and its dates, read from the front
// matter or, when absent, inferred (each inference is reported at `info`).
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { DOCUMENT_KINDS, type DocumentKind } from '../types.js';
import type { ParsedDocument } from '../parse/document.js';
import { showValue } from './show-value.js';
import { inferKindOf } from './inference/infer.js';
import type { InferenceRules } from '../reference/inference-rules.js';

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
  /** rules/inference.yaml: how the kind is told from the text when `kind` is not given. */
  rules?: InferenceRules;
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
    const inferred = inferKindOf(doc, choice.rules);
    if (inferred) [meta.kind, meta.kindInferredFrom] = [inferred.value, inferred.reason];
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
