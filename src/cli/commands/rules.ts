// wtlint rules: the rules of every pack, filtered by edition and kind.
import { bundledLinter } from '../../engine/resources.js';
import { parseAsOf, parseEdition, parseKind } from '../../engine/options.js';
import { describeInForce, ruleState } from '../../check/in-force.js';
import type { CliIO } from '../io.js';

export interface RulesFlags {
  edition?: string;
  kind?: string;
  json?: boolean;
  /** Only the requirements not yet in force on the as-of day. */
  upcoming?: boolean;
  asOf?: string;
}

export function rules(flags: RulesFlags, io: CliIO): number {
  const linter = bundledLinter();
  const edition = flags.edition
    ? parseEdition(
        flags.edition,
        linter.packs.map((p) => p.edition),
      )
    : undefined;
  const kind = flags.kind ? parseKind(flags.kind) : undefined;
  const asOf = flags.asOf ? parseAsOf(flags.asOf) : io.today;
  const rows = linter.packs
    .filter((p) => !edition || p.edition === edition)
    .flatMap((p) => p.rules.filter((r) => !kind || r.applies_to.includes(kind)).map((r) => ({ edition: p.edition, rule: r })))
    .filter(({ rule }) => !flags.upcoming || ruleState(rule, asOf) === 'upcoming');
  if (flags.json) {
    const out = rows.map(({ edition: e, rule: r }) => ({
      ruleId: r.ruleId,
      edition: e,
      kinds: r.applies_to,
      severity: r.severity,
      title: r.title,
      citation: r.citation,
      ...(r.in_force && { in_force: r.in_force }),
    }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  if (flags.upcoming) {
    if (!rows.length) {
      io.stdout(`No requirement comes into force after ${asOf}.\n`);
      return 0;
    }
    const blocks = rows.map(
      ({ rule: r }) => `${r.ruleId}  ${r.applies_to.join(',')}  ${r.title}\n  ${describeInForce(r.in_force!)}\n  → ${r.in_force!.change}`,
    );
    io.stdout(
      `${blocks.join('\n\n')}\n\n${rows.length} requirements not yet in force on ${asOf}. \`wtlint check --upcoming\` reports those a document does not yet meet.\n`,
    );
    return 0;
  }
  const idWidth = Math.max(...rows.map((r) => r.rule.ruleId.length));
  const kindWidth = Math.max(...rows.map((r) => r.rule.applies_to.join(',').length));
  const lines = rows.map(({ rule: r }) => {
    const state = ruleState(r, asOf);
    const note =
      state === 'in-force'
        ? ''
        : state === 'upcoming'
          ? '  (not yet in force: --upcoming)'
          : `  (no longer in force from ${r.in_force!.until})`;
    return `${r.ruleId.padEnd(idWidth)}  ${r.applies_to.join(',').padEnd(kindWidth)}  ${r.severity.padEnd(7)}  ${r.title}${note}`;
  });
  io.stdout(`${lines.join('\n')}\n\n${rows.length} rules. \`wtlint explain <ruleId>\` tells more about one.\n`);
  return 0;
}
