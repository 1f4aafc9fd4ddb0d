// The migration checklist as text: stylish (terminal), json (stable, versioned), markdown (a task
// list to paste into a work plan). Pure; colour comes in as a chalk instance.
import type { ChalkInstance } from 'chalk';
import type { Evidence } from '../types.js';
import type { MigrationPlan, MigrationStatus } from './plan.js';

export interface MigrationFormatContext {
  style: ChalkInstance;
  asOf: string;
  version: string;
}

export type MigrationFormatter = (plan: MigrationPlan, ctx: MigrationFormatContext) => string;

const LABEL: Record<MigrationStatus, string> = { done: 'done', partial: 'partly done', todo: 'to do' };

const where = (e: Evidence) => `${e.via} "${e.text}" at line ${e.line}${e.page !== undefined ? ` (p. ${e.page})` : ''}`;

function headline(plan: MigrationPlan): string {
  const from = plan.from ? `Working Together ${plan.from}` : 'an unknown edition';
  return `${plan.summary.done} of ${plan.items.length} done, ${plan.summary.partial} partly done, ${plan.summary.todo} to do (from ${from} to Working Together ${plan.to})`;
}

const stylish: MigrationFormatter = (plan, ctx) => {
  const s = ctx.style;
  const mark: Record<MigrationStatus, string> = { done: s.green('✔ done       '), partial: s.yellow('◐ partly done'), todo: s.red('✖ to do      ') };
  const lines = ['', s.underline(plan.file), `  ${headline(plan)}`];
  for (const p of plan.problems) lines.push(`  ${s.red('problem')} ${p.line}:${p.column} ${p.message}`);
  for (const item of plan.items) {
    lines.push('', `  ${mark[item.status]}  ${s.bold(item.title)}  ${s.dim(item.id)}`);
    const indent = ' '.repeat(17);
    if (item.evidence[0]) lines.push(`${indent}${s.dim(`Found: ${where(item.evidence[0])}`)}`);
    if (item.status !== 'done') lines.push(`${indent}${item.change}`);
    lines.push(`${indent}${s.dim(item.citation)}`);
  }
  return `${lines.join('\n')}\n`;
};

const json: MigrationFormatter = (plan, ctx) =>
  `${JSON.stringify({ version: 1, wtlint: ctx.version, asOf: ctx.asOf, migration: plan }, null, 2)}\n`;

/**
 * Document text must not become markup in the report: HTML is neutralised and the characters that
 * make emphasis, code, links, tables or strikethrough inside a line are escaped. (No text here starts
 * a line, so block markers such as `#` or `1.` need no escape.)
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

const markdown: MigrationFormatter = (plan) => {
  const lines = [
    `# Moving to Working Together ${plan.to}: ${escapeMarkdown(plan.area ?? plan.file)}`,
    '',
    `File: ${escapeMarkdown(plan.file)}. ${escapeMarkdown(headline(plan))}.`,
    '',
  ];
  for (const p of plan.problems) lines.push(`> **Problem** at line ${p.line}, column ${p.column}: ${escapeMarkdown(p.message)}`, '');
  for (const item of plan.items) {
    const found = item.evidence[0] ? ` Found: ${escapeMarkdown(where(item.evidence[0]))}.` : '';
    lines.push(`- [${item.status === 'done' ? 'x' : ' '}] **${escapeMarkdown(item.title)}** (${LABEL[item.status]}).${found}`);
    lines.push(`  ${escapeMarkdown(item.change)}`);
    lines.push(`  *${escapeMarkdown(item.citation)}*`);
  }
  return `${lines.join('\n')}\n`;
};

export const migrationFormats = { stylish, json, markdown } as const satisfies Record<string, MigrationFormatter>;
export type MigrationFormatName = keyof typeof migrationFormats;
export const MIGRATION_FORMAT_NAMES = Object.keys(migrationFormats) as MigrationFormatName[];
