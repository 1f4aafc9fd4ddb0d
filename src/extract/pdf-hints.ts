// A PDF's own document properties as hints for metadata its text does not state: the
// Title property for kind and area (read as if it were the title), the creation date for
// `published`. Only keys the text left unsaid are taken, and each is said to be only a hint,
// since a property is often left as the template's or the word processor's.
import { inferDocument, type Inference, type InferenceInput } from './inference/infer.js';
import type { ParsedDocument } from '../parse/document.js';

/** `input.asOf`: a creation date after it is the date the file was re-saved or printed, not published. */
export function applyPdfHints(inference: Inference, hints: NonNullable<ParsedDocument['hints']>, input: InferenceInput): void {
  const unit = { line: 1, column: 1 };
  if (hints.title && (!inference.kind || !inference.area)) {
    const titleDoc: ParsedDocument = {
      path: '',
      format: 'pdf',
      frontMatter: null,
      headings: [{ depth: 1, text: hints.title, line: 1, column: 1, block: 0, end: 1 }],
      blocks: [{ kind: 'heading', text: hints.title, line: 1, column: 1, segments: [], heading: 0 }],
      problems: [],
      comments: [],
    };
    const fromTitle = inferDocument(titleDoc, input);
    const reason = `the PDF's Title property "${hints.title}"`;
    if (!inference.kind && fromTitle.kind) {
      inference.kind = { value: fromTitle.kind.value, reason, quote: hints.title, hint: 'Title property', ...unit };
      inference.doubts.push({ key: 'kind', text: `the text does not say its kind; ${reason} is only a hint` });
    }
    if (!inference.area && fromTitle.area)
      inference.area = { value: fromTitle.area.value, reason, quote: hints.title, hint: 'Title property', ...unit };
  }
  if (hints.created && hints.created <= input.asOf && !inference.published) {
    const created = { iso: hints.created, latest: hints.created, precision: 'day' as const, index: 0, text: hints.created };
    inference.published = {
      value: created,
      reason: `from the PDF's creation date`,
      how: 'dated',
      quote: null,
      hint: 'creation date',
      ...unit,
    };
    inference.doubts.push({
      key: 'published',
      text: `the text gives no publication date; the PDF's creation date ${hints.created} is only a hint`,
    });
  }
}
