// The migration checklist as a Markdown task list, to paste into a work plan; document text escaped.
import type { MigrationFormatter } from './shared.js';
import { headline, where } from './shared.js';
import { markdownText } from '../../escape/markdown.js';
import type { MigrationStatus } from '../plan.js';

const LABEL: Record<MigrationStatus, string> = { done: 'done', partial: 'partly done', todo: 'to do' };

export const markdown: MigrationFormatter = (plan) => {
  const lines = [
    `# Moving to Working Together ${plan.to}: ${markdownText(plan.area ?? plan.file)}`,
    '',
    `File: ${markdownText(plan.file)}. ${markdownText(headline(plan))}.`,
    '',
  ];
  for (const p of plan.problems) lines.push(`> **Problem** at line ${p.line}, column ${p.column}: ${markdownText(p.message)}`, '');
  for (const item of plan.items) {
    const found = item.evidence[0] ? ` Found: ${markdownText(where(item.evidence[0]))}.` : '';
    lines.push(`- [${item.status === 'done' ? 'x' : ' '}] **${markdownText(item.title)}** (${LABEL[item.status]}).${found}`);
    lines.push(`  ${markdownText(item.change)}`);
    lines.push(`  *${markdownText(item.citation)}*`);
  }
  return `${lines.join('\n')}\n`;
};
