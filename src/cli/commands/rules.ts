// wtlint rules: the rules of every pack, filtered by edition and kind.
import { bundledLinter } from '../../engine/resources.js';
import { parseEdition, parseKind } from '../../engine/options.js';
import type { CliIO } from '../io.js';

export interface RulesFlags {
  edition?: string;
  kind?: string;
  json?: boolean;
}

export function rules(flags: RulesFlags, io: CliIO): number {
  const linter = bundledLinter();
  const edition = flags.edition ? parseEdition(flags.edition, linter.packs.map((p) => p.edition)) : undefined;
  const kind = flags.kind ? parseKind(flags.kind) : undefined;
  const rows = linter.packs
    .filter((p) => !edition || p.edition === edition)
    .flatMap((p) => p.rules.filter((r) => !kind || r.applies_to.includes(kind)).map((r) => ({ edition: p.edition, rule: r })));
  if (flags.json) {
    const out = rows.map(({ edition: e, rule: r }) => ({ ruleId: r.ruleId, edition: e, kinds: r.applies_to, severity: r.severity, title: r.title, citation: r.citation }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...rows.map((r) => r.rule.ruleId.length));
  const kindWidth = Math.max(...rows.map((r) => r.rule.applies_to.join(',').length));
  const lines = rows.map(({ rule: r }) => `${r.ruleId.padEnd(idWidth)}  ${r.applies_to.join(',').padEnd(kindWidth)}  ${r.severity.padEnd(7)}  ${r.title}`);
  io.stdout(`${lines.join('\n')}\n\n${rows.length} rules. \`wtlint explain <ruleId>\` tells more about one.\n`);
  return 0;
}
