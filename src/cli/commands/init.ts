// wtlint init --kind --edition: a starting document with every heading the pack expects.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledLinter } from '../../engine/resources.js';
import { parseEdition, parseKind } from '../../engine/options.js';
import { UsageError } from '../../engine/errors.js';
import type { CliIO } from '../io.js';
import type { CompiledPack } from '../../pack/load.js';
import type { DocumentKind } from '../../types.js';

export function init(flags: { kind: string; edition: string; area?: string }, io: CliIO): number {
  const kind = parseKind(flags.kind);
  const linter = bundledLinter();
  const edition = parseEdition(
    flags.edition,
    linter.packs.map((p) => p.edition),
  );
  const pack = linter.packs.find((p) => p.edition === edition)!;
  const file = `${kind}.md`;
  const target = join(io.cwd, file);
  if (existsSync(target)) {
    throw new UsageError(
      `${file} already exists; wtlint init never overwrites a document`,
      'Move or rename it, or run init in another folder.',
    );
  }
  writeFileSync(target, renderTemplate(pack, kind, flags.area ?? 'Our Safeguarding Children Partnership', io.today), { flag: 'wx' });
  io.stdout(`Wrote ${file}: ${kind} for Working Together ${edition}. Replace each TBC, then run \`wtlint check ${file}\`.\n`);
  return 0;
}

const TITLES: Record<DocumentKind, string> = {
  arrangements: 'multi-agency safeguarding arrangements',
  'yearly-report': 'yearly report',
  'cdr-arrangements': 'child death review arrangements',
  'cdr-report': 'Child Death Overview Panel annual report',
};

export function renderTemplate(pack: CompiledPack, kind: DocumentKind, area: string, today: string): string {
  const year = Number(today.slice(0, 4));
  const front = [
    '---',
    `kind: ${kind}`,
    `area: ${JSON.stringify(area)}`,
    `edition: ${pack.edition}`,
    '# published: YYYY-MM-DD   (add when published)',
    ...(kind === 'yearly-report' || kind === 'cdr-report' ? ['period:', `  start: ${year - 1}-04-01`, `  end: ${year}-03-31`] : []),
    '---',
  ];
  const title = `${area}: ${TITLES[kind]}`;
  const sections = pack.rules
    .filter((r) => r.applies_to.includes(kind) && r.detect && r.heading)
    .map((r) => [`## ${r.heading}`, '', `<!-- ${r.help} (${r.citation}) -->`, '', 'TBC', ''].join('\n'));
  return `${front.join('\n')}\n\n# ${title}\n\n${sections.join('\n')}`;
}
