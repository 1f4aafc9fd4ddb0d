// --format github: GitHub Actions workflow commands, one annotation per finding
// (docs/ci-formats.md, GitHub Actions annotations), escaped exactly as actions/toolkit does. GitHub
// keeps only 10 annotations per level per step, so errors come first, and a notice
// says when some will show only in the log. githubStepSummary builds the Markdown job
// summary; the CLI appends it to $GITHUB_STEP_SUMMARY (reporters never write files).
import type { Reporter, ReportContext } from './types.js';
import { visibleFindings } from './summary.js';
import { messageOf, ruleInfo } from './rule-info.js';
import { markdown } from './markdown.js';
import { workflowData, workflowProperty } from '../escape/workflow.js';
import type { Finding } from '../types.js';

type Command = 'error' | 'warning' | 'notice';
const ANNOTATIONS_PER_LEVEL = 10;
const ORDER: Command[] = ['error', 'warning', 'notice'];

export const github: Reporter = (results, ctx) => {
  const byLevel: Record<Command, string[]> = { error: [], warning: [], notice: [] };
  for (const result of results) {
    for (const f of visibleFindings(result, ctx.quiet)) {
      const command: Command = f.accepted || f.severity === 'info' ? 'notice' : f.severity;
      byLevel[command].push(annotation(command, result.file, f, ctx));
    }
  }
  const over = ORDER.filter((level) => byLevel[level].length > ANNOTATIONS_PER_LEVEL);
  const lines: string[] = [];
  if (over.length) {
    const counts = over.map((level) => `${byLevel[level].length} ${level}s`).join(', ');
    lines.push(
      `::notice title=${workflowProperty('wtlint')}::${workflowData(`${counts}: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations of each level per step; the rest are in this log and in the job summary.`)}`,
    );
  }
  for (const level of ORDER) lines.push(...byLevel[level]);
  return lines.length ? `${lines.join('\n')}\n` : '';
};

function annotation(command: Command, file: string, f: Finding, ctx: ReportContext): string {
  const properties: [string, string | number | undefined][] = [
    ['file', file],
    ['line', f.line],
    ['endLine', f.endLine],
    ['col', f.column],
    ['endColumn', f.endColumn],
    ['title', `${ruleInfo(f, ctx).title} (${f.ruleId}${f.accepted ? ', accepted' : ''})`],
  ];
  const props = properties
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${workflowProperty(String(value))}`)
    .join(',');
  const message = `${messageOf(f)}\n${f.citation}\nWhat to add: ${f.help}`;
  return `::${command} ${props}::${workflowData(message)}`;
}

/** GitHub keeps at most 1 MiB of job summary per step. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/** The Markdown job summary: the --format markdown report, cut to the totals table if it would pass the limit. */
export const githubStepSummary: Reporter = (results, ctx) => fitSummary(`${markdown(results, ctx)}\n`, STEP_SUMMARY_LIMIT);

export function fitSummary(summary: string, limitBytes: number): string {
  if (new TextEncoder().encode(summary).length <= limitBytes) return summary;
  const totals = summary.split('\n### ')[0]!.trimEnd();
  return `${totals}\n\n> The findings of each document are left out here: GitHub keeps at most 1 MiB of job summary per step. They are in the annotations and the job log.\n\n`;
}
