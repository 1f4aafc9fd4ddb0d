// A PDF's own document properties as hints for metadata its text does not state: the
// Title property for kind and area (read as if it were the title), the creation date for
// `published`. Only keys the text left unsaid are taken, and the finding says where they
// came from, since a property is often left as the template's or the word processor's.
import { inferMetaFromText, type InferredValue } from './text-meta.js';
import type { ParsedDocument } from '../parse/document.js';

export interface HintedValue extends InferredValue {
  hint: 'Title property' | 'creation date';
}

/** `asOf`: a creation date after it is the date the file was re-saved or printed, not published. */
export function hintedMeta(hints: NonNullable<ParsedDocument['hints']>, fromText: InferredValue[], editions: string[], asOf: string): HintedValue[] {
  const stated = new Set(fromText.map((v) => v.key));
  const found: HintedValue[] = [];
  if (hints.title) {
    const titleDoc: ParsedDocument = {
      path: '',
      format: 'pdf',
      frontMatter: null,
      headings: [{ depth: 1, text: hints.title, line: 1, column: 1, block: 0, end: 1 }],
      blocks: [{ kind: 'heading', text: hints.title, line: 1, column: 1, segments: [], heading: 0 }],
      problems: [],
      comments: [],
    };
    for (const value of inferMetaFromText(titleDoc, editions)) {
      if (stated.has(value.key) || value.key === 'published') continue;
      found.push({ ...value, line: 1, column: 1, quote: hints.title, hint: 'Title property' });
    }
  }
  if (hints.created && hints.created <= asOf && !stated.has('published')) {
    found.push({ key: 'published', value: hints.created, quote: hints.created, line: 1, column: 1, hint: 'creation date' });
  }
  return found;
}

export function hintMessage(value: HintedValue): string {
  return `No sidecar metadata, and the text does not say: assumed \`${value.key}: ${value.value}\` from the PDF's ${value.hint} ("${value.quote}"), only a hint; give it in a sidecar to be sure`;
}
