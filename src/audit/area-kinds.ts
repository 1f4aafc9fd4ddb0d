// The closed set of area check kinds: checks across all the documents of one area.
// Rules in the packs (`audit.rules`) name a kind and give its options as data; the
// evaluator stamps ruleId, severity, citation and help. Pure: dates come from asOf.
import { addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { AuditDocument } from './types.js';
import type { DocumentKind } from '../types.js';

export interface AreaCheckContext {
  area: string;
  documents: AuditDocument[];
  asOf: string;
}

export interface RawAreaResult {
  messageId: string;
  data: Record<string, string | number>;
  file: string | null;
}

export interface AreaCheckKind<Options> {
  description: string;
  /** The document kinds the check judges: it is not run while a document that could be of one of them could not be fetched. */
  judges(options: Options): DocumentKind[];
  messages: Record<string, string>;
  run(ctx: AreaCheckContext, options: Options): RawAreaResult[];
}

const defineAreaCheck = <Options>(kind: AreaCheckKind<Options>): AreaCheckKind<Options> => kind;

/** The date that places a document in time: published, else the end of its period. */
export function documentDate(doc: AuditDocument): string | null {
  return doc.published ?? doc.periodEnd;
}

/** Documents of a kind, oldest first (by date, then file); undated ones first. */
export function byDate(documents: AuditDocument[], kind: DocumentKind): AuditDocument[] {
  return documents
    .filter((d) => d.kind === kind)
    .sort((a, b) => (documentDate(a) ?? '').localeCompare(documentDate(b) ?? '') || a.file.localeCompare(b.file));
}

export function latestOf(documents: AuditDocument[], kind: DocumentKind): AuditDocument | null {
  return byDate(documents, kind).at(-1) ?? null;
}

const iso = (d: Date): string => format(d, 'yyyy-MM-dd');

/** How messages name a document kind. */
const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  arrangements: 'published arrangements',
  'yearly-report': 'yearly report',
  'cdr-arrangements': 'child death review arrangements',
  'cdr-report': 'child death review report',
};

const hasDocument = defineAreaCheck<{ document: DocumentKind }>({
  description: 'The area has at least one document of the kind.',
  judges: (options) => [options.document],
  messages: { none: 'No {{document}} found for {{area}}' },
  run(ctx, options) {
    if (ctx.documents.some((d) => d.kind === options.document)) return [];
    return [{ messageId: 'none', data: { document: DOCUMENT_LABELS[options.document], area: ctx.area }, file: null }];
  },
});

const reportDue = defineAreaCheck<{
  after: 'period-end' | 'published';
  months: number;
  month?: number;
  day?: number;
  document?: DocumentKind;
}>({
  description:
    'The next report (`document`, default the yearly report) is due `months` after the latest one (its period end or publication), then on the first `month`/`day` on or after that; overdue as of --as-of.',
  judges: (options) => [options.document ?? 'yearly-report'],
  messages: {
    none: 'No {{document}} found for {{area}}',
    undated: 'The latest {{document}} ({{latest}}) gives neither `published` nor `period.end`, so whether the next is due cannot be judged',
    overdue: 'The next {{document}} was due by {{due}} ({{days}} days before {{asOf}}); the latest found is {{latest}} ({{base}})',
  },
  run(ctx, options) {
    const kind = options.document ?? 'yearly-report';
    const document = DOCUMENT_LABELS[kind];
    const reports = byDate(ctx.documents, kind);
    const latest = reports.at(-1);
    if (!latest) return [{ messageId: 'none', data: { document, area: ctx.area }, file: null }];
    const base = options.after === 'period-end' ? (latest.periodEnd ?? latest.published) : (latest.published ?? latest.periodEnd);
    if (!base) return [{ messageId: 'undated', data: { document, latest: latest.file }, file: latest.file }];
    let due = addMonths(parseISO(base), options.months);
    if (options.month !== undefined && options.day !== undefined) {
      let candidate = new Date(due.getFullYear(), options.month - 1, options.day);
      if (candidate < due) candidate = new Date(due.getFullYear() + 1, options.month - 1, options.day);
      due = candidate;
    }
    const days = differenceInCalendarDays(parseISO(ctx.asOf), due);
    if (days <= 0) return [];
    const baseLabel = `${base === latest.periodEnd ? 'period ending' : 'published'} ${base}`;
    return [
      {
        messageId: 'overdue',
        data: { document, due: iso(due), days, asOf: ctx.asOf, latest: latest.file, base: baseLabel },
        file: latest.file,
      },
    ];
  },
});

const reportGap = defineAreaCheck<{ months: number }>({
  description: 'Consecutive yearly reports (by publication date, else period end) are no more than `months` apart.',
  judges: () => ['yearly-report'],
  messages: { gap: '{{from}} ({{fromDate}}) and {{to}} ({{toDate}}) are more than {{months}} months apart' },
  run(ctx, options) {
    const dated = byDate(ctx.documents, 'yearly-report').filter((d) => documentDate(d) !== null);
    const out: RawAreaResult[] = [];
    for (let i = 1; i < dated.length; i++) {
      const a = dated[i - 1]!;
      const b = dated[i]!;
      const [from, to] = [documentDate(a)!, documentDate(b)!];
      if (parseISO(to) > addMonths(parseISO(from), options.months)) {
        out.push({
          messageId: 'gap',
          data: { from: a.file, fromDate: from, to: b.file, toDate: to, months: options.months },
          file: b.file,
        });
      }
    }
    return out;
  },
});

const editionRefreshed = defineAreaCheck<{ edition: string; by: string }>({
  description: 'After `by`, the area has arrangements for `edition`, published by `by`.',
  judges: () => ['arrangements'],
  messages: {
    'not-refreshed':
      'No arrangements for the {{edition}} edition; the latest ({{latest}}) follow the {{current}} edition, and refreshed arrangements were due by {{by}}',
    late: 'The arrangements for the {{edition}} edition ({{latest}}) were published {{published}}, after {{by}}',
  },
  run(ctx, options) {
    if (ctx.asOf <= options.by) return [];
    const arrangements = byDate(ctx.documents, 'arrangements');
    const latest = arrangements.at(-1);
    if (!latest) return [];
    const refreshed = arrangements.filter((d) => d.edition === options.edition);
    if (refreshed.length === 0) {
      return [
        {
          messageId: 'not-refreshed',
          data: { edition: options.edition, latest: latest.file, current: latest.edition ?? 'unknown', by: options.by },
          file: latest.file,
        },
      ];
    }
    const first = refreshed[0]!;
    if (first.published && first.published > options.by) {
      return [
        {
          messageId: 'late',
          data: { edition: options.edition, latest: first.file, published: first.published, by: options.by },
          file: first.file,
        },
      ];
    }
    return [];
  },
});

type ConsistentField = 'area' | 'partners' | 'local_authorities';

/** Names compared without case, punctuation or "the", so "Northshire  Police" = "northshire police". */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bthe\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const consistent = defineAreaCheck<{ fields: ConsistentField[] }>({
  description:
    'The latest yearly report names the same area, partners and local authorities as the latest arrangements (each compared only when both documents give it).',
  judges: () => ['arrangements', 'yearly-report'],
  messages: {
    area: 'The yearly report {{report}} names the area "{{reportValue}}", the arrangements {{arrangements}} "{{arrangementsValue}}"',
    partners:
      'The yearly report {{report}} and the arrangements {{arrangements}} name different partners: only in the report: {{onlyReport}}; only in the arrangements: {{onlyArrangements}}',
    local_authorities:
      'The yearly report {{report}} and the arrangements {{arrangements}} name different local authorities: only in the report: {{onlyReport}}; only in the arrangements: {{onlyArrangements}}',
  },
  run(ctx, options) {
    const report = latestOf(ctx.documents, 'yearly-report');
    const arrangements = latestOf(ctx.documents, 'arrangements');
    if (!report || !arrangements) return [];
    const out: RawAreaResult[] = [];
    const where = { report: report.file, arrangements: arrangements.file };
    for (const field of options.fields) {
      if (field === 'area') {
        if (report.area && arrangements.area && normaliseName(report.area) !== normaliseName(arrangements.area)) {
          out.push({
            messageId: 'area',
            data: { ...where, reportValue: report.area, arrangementsValue: arrangements.area },
            file: report.file,
          });
        }
        continue;
      }
      const [a, b] =
        field === 'partners' ? [report.partners, arrangements.partners] : [report.localAuthorities, arrangements.localAuthorities];
      if (a.length === 0 || b.length === 0) continue;
      const onlyIn = (x: string[], y: string[]) => {
        const other = new Set(y.map(normaliseName));
        return x.filter((n) => !other.has(normaliseName(n)));
      };
      const onlyReport = onlyIn(a, b);
      const onlyArrangements = onlyIn(b, a);
      if (onlyReport.length || onlyArrangements.length) {
        out.push({
          messageId: field,
          data: { ...where, onlyReport: onlyReport.join(', ') || 'none', onlyArrangements: onlyArrangements.join(', ') || 'none' },
          file: report.file,
        });
      }
    }
    return out;
  },
});

export const areaCheckKinds = {
  'has-document': hasDocument,
  'report-due': reportDue,
  'report-gap': reportGap,
  'edition-refreshed': editionRefreshed,
  consistent,
} as const satisfies Record<string, AreaCheckKind<never>>;

export type AreaCheckName = keyof typeof areaCheckKinds;

export function isAreaCheckKind(name: string): name is AreaCheckName {
  return Object.hasOwn(areaCheckKinds, name);
}
