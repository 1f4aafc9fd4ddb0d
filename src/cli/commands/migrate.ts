// wtlint migrate <file> --to <edition>: what arrangements written for an earlier edition must add
// or change, as a checklist. Exit 0 when every item is done, 1 when something is left, 2 on misuse.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { packageVersion } from '../../engine/package-root.js';
import { Engine } from '../../engine/engine.js';
import { UsageError } from '../../engine/errors.js';
import { EXIT } from '../exit-code.js';
import { parseEdition } from '../../engine/options.js';
import { toDisplayPath, writeFileAtomic } from '../../engine/files.js';
import type { CliIO } from '../io.js';
import { decodeBytes } from '../../parse/decode.js';
import { planMigration } from '../../migrate/plan.js';
import { migrationFormats, type MigrationFormatName } from '../../migrate/format/index.js';

export interface MigrateFlags {
  to: string;
  format: MigrationFormatName;
  output?: string;
  asOf?: string;
  config?: string;
  color?: boolean;
}

export async function migrate(file: string, flags: MigrateFlags, io: CliIO): Promise<number> {
  const engine = new Engine({ cwd: io.cwd, today: io.today, asOf: flags.asOf, config: flags.config, warn: io.stderr });
  const { linter } = engine;
  const withMigration = linter.packs.filter((p) => p.migration.length > 0);
  const to = parseEdition(flags.to, withMigration.map((p) => p.edition), '--to');
  const target = withMigration.find((p) => p.edition === to)!;
  const { asOf } = engine.options;
  const absolute = resolve(io.cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new UsageError(`Cannot read ${file} (${code})`, 'Give the path of one arrangements document (.md or .yaml).');
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new UsageError(`${file}:${decoded.line}:${decoded.column} ${decoded.message}`, 'wtlint migrate reads Markdown or YAML in UTF-8.');
  const editions = linter.packs.map((p) => ({ edition: p.edition, ...p.in_force }));
  const plan = planMigration({ path: toDisplayPath(absolute, io.cwd), text: decoded.text }, target, editions, asOf);
  if (plan.kind === 'yearly-report') {
    throw new UsageError(`${plan.file} is a yearly report; wtlint migrate checks published arrangements`, 'Run `wtlint check` on the yearly report instead.');
  }
  const ctx = { style: new Chalk({ level: (flags.color ?? io.isTTY) ? 1 : 0 }), asOf, version: packageVersion() };
  const output = (await migrationFormats[flags.format]())(plan, ctx);
  if (flags.output) writeFileAtomic(flags.output, output);
  else io.stdout(output);
  return plan.summary.todo + plan.summary.partial + plan.problems.length === 0 ? EXIT.ok : EXIT.findings;
}
