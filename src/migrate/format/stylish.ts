// The migration checklist for the terminal: a mark per item, what to change, the citation.
import type { MigrationFormatter } from './shared.js';
import { headline, where } from './shared.js';
import { plainText } from '../../escape/terminal.js';
import type { MigrationStatus } from '../plan.js';

export const stylish: MigrationFormatter = (plan, ctx) => {
  const s = ctx.style;
  const mark: Record<MigrationStatus, string> = {
    done: s.green('✔ done       '),
    partial: s.yellow('◐ partly done'),
    todo: s.red('✖ to do      '),
  };
  const lines = ['', s.underline(plainText(plan.file)), `  ${headline(plan)}`];
  for (const p of plan.problems) lines.push(`  ${s.red('problem')} ${p.line}:${p.column} ${plainText(p.message)}`);
  for (const item of plan.items) {
    lines.push('', `  ${mark[item.status]}  ${s.bold(item.title)}  ${s.dim(item.id)}`);
    const indent = ' '.repeat(17);
    if (item.evidence[0]) lines.push(`${indent}${s.dim(`Found: ${where(item.evidence[0])}`)}`);
    if (item.status !== 'done') lines.push(`${indent}${item.change}`);
    lines.push(`${indent}${s.dim(item.citation)}`);
  }
  return `${lines.join('\n')}\n`;
};
