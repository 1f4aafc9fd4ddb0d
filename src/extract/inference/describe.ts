// An inference as the user meets it: the front matter the checks then read (each key placed at
// the words it came from), and one `info` message that says what was inferred and why.
import { stringify } from 'yaml';
import { parseYaml, type FrontMatter } from '../../parse/front-matter.js';
import type { InferredMetadata, Place } from '../../types.js';
import type { Inference } from './infer.js';

export type InferredKey = 'kind' | 'area' | 'edition' | 'period' | 'published';

/** The keys an inference gives front matter, in front-matter order, each with its place. */
export function inferredEntries(inference: Inference): { key: InferredKey; value: unknown; place: Place }[] {
  const entries: { key: InferredKey; value: unknown; place: Place }[] = [];
  const { kind, area, edition, period, published } = inference;
  const place = (p: Place): Place => ({ line: p.line, column: p.column });
  if (kind) entries.push({ key: 'kind', value: kind.value, place: place(kind) });
  if (area) entries.push({ key: 'area', value: area.value, place: place(area) });
  if (edition) entries.push({ key: 'edition', value: Number(edition.value), place: place(edition) });
  if (period) entries.push({ key: 'period', value: period.value, place: place(period) });
  if (published?.value.precision === 'day') entries.push({ key: 'published', value: published.value.iso, place: place(published) });
  return entries;
}

/** The inferred values as a document result carries them (and audit shows them as inferred). */
export function inferredMetadata(inference: Inference): InferredMetadata {
  return Object.fromEntries(
    inferredEntries(inference).map((e) => [e.key, e.key === 'edition' ? String(e.value) : e.value]),
  ) as InferredMetadata;
}

/** The inferred values as front matter, each key placed at the text it was read from. */
export function inferredFrontMatter(inference: Inference): FrontMatter {
  const entries = inferredEntries(inference);
  const { frontMatter } = parseYaml(stringify(Object.fromEntries(entries.map((e) => [e.key, e.value]))), 0);
  frontMatter.places = Object.fromEntries(entries.map((e) => [e.key, e.place]));
  return frontMatter;
}

/**
 * The data of the one message for the whole inference (its templates are document-metadata's in
 * src/reserved.ts): every value with the words it came from, then any doubt and where to state
 * the values instead (`stateIn`: "a sidecar (page.html.yaml)", "front matter").
 */
export function describeInference(
  inference: Inference,
  stateIn: string,
):
  | { messageId: 'inferred'; data: { values: string }; place: Place }
  | { messageId: 'inferred-unsure'; data: { values: string; doubts: string; stateIn: string }; place: Place } {
  const { kind, area, edition, period, published } = inference;
  const doubts = inference.doubts.filter((d) => d.key !== 'edition' || edition !== null).map((d) => d.text);
  const parts: string[] = [];
  if (kind) parts.push(`kind ${kind.value} from ${kind.reason}`);
  if (edition) parts.push(`edition ${edition.value}: ${edition.reason}`);
  if (period) parts.push(`period ${period.value.start} to ${period.value.end}: ${period.reason}`);
  if (published) {
    const day = published.value.precision === 'day';
    parts.push(
      day
        ? `published ${published.value.iso} ${published.reason}`
        : `dated ${published.value.iso.slice(0, 7)} ${published.reason} (a month, so no \`published\` day)`,
    );
  }
  if (area) parts.push(`area ${area.value} (line ${area.line})`);
  const places = [kind, edition, period, published, area].filter((v): v is NonNullable<typeof v> => v !== null);
  const first = places.sort((a, b) => a.line - b.line || a.column - b.column)[0];
  const place = first ? { line: first.line, column: first.column } : { line: 1, column: 1 };
  const values = parts.join('; ');
  return doubts.length
    ? { messageId: 'inferred-unsure', data: { values, doubts: doubts.join('; '), stateIn }, place }
    : { messageId: 'inferred', data: { values }, place };
}
