// What a set of arrangements written for one edition must add or change for the next: the target
// pack's `migration` items, each marked done, partly done or to do by running its detection over
// the document. Pure: text and packs in, a plan out.
import { parseDocument, type ParsedDocument } from '../parse/document.js';
import { extractMeta, type EditionWindow } from '../extract/meta.js';
import { detectElements } from '../extract/elements.js';
import { valuesAt } from '../check/field-values.js';
import { locatePath } from '../parse/locate.js';
import type { CompiledPack } from '../pack/load.js';
import type { DocumentKind, Evidence, Source } from '../types.js';
import { parseMessageText } from '../reserved.js';

export type MigrationStatus = 'done' | 'partial' | 'todo';

export interface MigrationItemResult {
  id: string;
  title: string;
  status: MigrationStatus;
  change: string;
  citation: string;
  evidence: Evidence[];
}

export interface MigrationPlan {
  file: string;
  kind: DocumentKind | null;
  area: string | null;
  /** The edition the document follows (stated, or inferred from its dates). */
  from: string | null;
  to: string;
  /** Why the document could not be read in full (YAML errors, empty); items are then judged on what could be read. */
  problems: { message: string; line: number; column: number }[];
  items: MigrationItemResult[];
  summary: Record<MigrationStatus, number>;
}

const STATUS = { present: 'done', partial: 'partial', missing: 'todo', 'not-applicable': 'done' } as const;

export function planMigration(source: Source, target: CompiledPack, editions: EditionWindow[], asOf: string): MigrationPlan {
  return planMigrationOf(parseDocument(source), target, editions, asOf);
}

/** The plan for a document already parsed: an HTML page, Word document or PDF converted first. */
export function planMigrationOf(doc: ParsedDocument, target: CompiledPack, editions: EditionWindow[], asOf: string): MigrationPlan {
  const meta = extractMeta(doc, editions, asOf);
  const found = detectElements(
    doc,
    target.migration.map((item) => ({ element: item.id, detection: item.detection })),
    target.placeholderMatcher,
  );
  const items = target.migration.map((item): MigrationItemResult => {
    const result = found[item.id]!;
    const values = item.valuePatterns.flatMap(({ field, pattern }) =>
      valuesAt(doc.frontMatter?.data, field).flatMap(({ value, path }): Evidence[] =>
        typeof value === 'string' && pattern.test(value)
          ? [{ via: 'field', text: `${path.join('.')}: ${value}`, ...locatePath(doc.frontMatter, path).place }]
          : [],
      ),
    );
    const status = values.length ? 'done' : STATUS[result.status];
    // A PDF's evidence names its page, as check's does.
    if (doc.linePages) for (const evidence of result.evidence) evidence.page = doc.linePages[evidence.line - 1];
    return {
      id: item.id,
      title: item.title,
      status,
      change: item.change,
      citation: item.citation,
      evidence: [...values, ...result.evidence].slice(0, 3),
    };
  });
  const summary: Record<MigrationStatus, number> = { done: 0, partial: 0, todo: 0 };
  for (const item of items) summary[item.status]++;
  return {
    file: doc.path,
    kind: meta.kind,
    area: meta.area,
    from: meta.edition,
    to: target.edition,
    problems: doc.problems.map((problem) => ({ message: parseMessageText(problem), line: problem.line, column: problem.column })),
    items,
    summary,
  };
}
