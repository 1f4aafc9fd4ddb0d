// Accepted deviations (wtlint-baseline.yaml): pure functions over results, no I/O.
// An entry accepts up to `count` findings of (file, rule, element). `check --baseline`
// marks those findings accepted (shown in every format, not counted for the exit code)
// and reports entries that have expired (`until` before as-of) or gone stale (they
// accept more findings than remain), so the baseline only ever shrinks.
import { Document } from 'yaml';
import { RESERVED, reservedFinding, type ReservedMessage } from './reserved.js';
import { byPosition } from './lint.js';
import type { DocumentResult, Finding } from './types.js';

export interface BaselineEntry {
  rule: string;
  file: string;
  element: string;
  count: number;
  reason: string;
  until?: string;
}

/** An entry read from a file, with where it is (for messages). */
export interface LocatedEntry extends BaselineEntry {
  line: number;
}

/** Findings a baseline may accept: never wtlint's own faults or reports about the baseline itself. */
const NEVER_BASELINED = new Set<string>([RESERVED.internalError.ruleId, RESERVED.baseline.ruleId]);

const keyOf = (file: string, rule: string, element: string) => `${file}\u0000${rule}\u0000${element}`;

/** The entries for today's findings at error and warning level. Reasons and dates of `previous` entries with the same key are kept. */
export function createBaseline(
  results: DocumentResult[],
  defaults: { reason: string; until?: string },
  previous: BaselineEntry[] = [],
): BaselineEntry[] {
  const kept = new Map(previous.map((e) => [keyOf(e.file, e.rule, e.element), e]));
  const counts = new Map<string, BaselineEntry>();
  for (const result of results) {
    for (const f of result.findings) {
      if (f.severity === 'info' || NEVER_BASELINED.has(f.ruleId)) continue;
      const key = keyOf(result.file, f.ruleId, f.element);
      const entry = counts.get(key);
      if (entry) {
        entry.count++;
        continue;
      }
      const old = kept.get(key);
      const until = old ? old.until : defaults.until;
      counts.set(key, {
        rule: f.ruleId,
        file: result.file,
        element: f.element,
        count: 1,
        reason: old?.reason ?? defaults.reason,
        ...(until ? { until } : {}),
      });
    }
  }
  return [...counts.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.rule, b.rule) || cmp(a.element, b.element));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function formatBaseline(entries: BaselineEntry[], asOf: string): string {
  const doc = new Document({ version: 1, asOf, entries });
  doc.commentBefore = [
    ' wtlint baseline: accepted deviations, written by `wtlint baseline`.',
    ' `wtlint check --baseline wtlint-baseline.yaml` fails only on findings not accepted here.',
    ' Each entry accepts up to `count` findings of `rule` in `file`. Give every entry a real',
    ' reason (who agreed it, and when it will be fixed); `until: YYYY-MM-DD` makes it expire.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}

/**
 * Marks accepted findings and adds `baseline` findings for expired and stale entries.
 * Only entries for documents in `results` are judged: a run over some files leaves the others' entries alone.
 */
export function applyBaseline(results: DocumentResult[], entries: LocatedEntry[], asOf: string, baselineFile: string): DocumentResult[] {
  return results.map((result) => {
    const own = entries.filter((e) => e.file === result.file);
    if (!own.length) return result;
    const findings = result.findings.map((f) => ({ ...f }));
    const added: Finding[] = [];
    for (const entry of own) {
      const where = `${baselineFile}:${entry.line}`;
      const candidates = findings.filter((f) => !f.accepted && f.ruleId === entry.rule && f.element === entry.element);
      const expired = entry.until !== undefined && entry.until < asOf;
      if (expired && candidates.length) {
        const count = Math.min(entry.count, candidates.length);
        const data = { rule: entry.rule, where, until: entry.until!, count };
        added.push(baselineFinding({ messageId: 'expired', variant: count === 1 ? 'one' : 'many', data }));
      } else {
        for (const f of candidates.slice(0, entry.count))
          f.accepted = { reason: entry.reason, ...(entry.until ? { until: entry.until } : {}) };
      }
      if (candidates.length < entry.count) {
        const remaining = candidates.length;
        const data = { rule: entry.rule, where, count: entry.count, remaining };
        added.push(
          baselineFinding(
            remaining === 0
              ? { messageId: 'stale', variant: 'none', data: { rule: entry.rule, where } }
              : { messageId: 'stale', variant: remaining === 1 ? 'one-remains' : 'fewer', data },
          ),
        );
      }
    }
    return { ...result, findings: [...findings, ...added].sort(byPosition) };
  });
}

function baselineFinding(message: ReservedMessage<typeof RESERVED.baseline.messages>): Finding {
  return reservedFinding(RESERVED.baseline, message, { line: 1, column: 1 });
}
