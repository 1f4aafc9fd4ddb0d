// wtlint migrate <file> --to <edition>: what arrangements written for an earlier edition must add
// or change, as a checklist. Exit 0 when every item is done, 1 when something is left, 2 on misuse.
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
import { planMigration, planMigrationOf, type MigrationPlan } from '../../migrate/plan.js';
import { formatOf, isConverted } from '../../parse/document.js';
import { parseFileBytes } from '../../lint.js';
import { fileOptionsFor, maxBytesOf, readDocument } from '../../engine/read-document.js';
import { migrationFormats, type MigrationFormatName } from '../../migrate/format/index.js';
import { parseMessageText } from '../../reserved.js';

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
  const to = parseEdition(
    flags.to,
    withMigration.map((p) => p.edition),
    '--to',
  );
  const target = withMigration.find((p) => p.edition === to)!;
  const { asOf } = engine.options;
  const absolute = resolve(io.cwd, file);
  const format = formatOf(absolute);
  const read = readDocument(absolute, maxBytesOf(engine.options, absolute));
  if (!read.ok)
    throw new UsageError(
      `Cannot read ${file}: ${parseMessageText(read)}`,
      'Give the path of one arrangements document (.md, .yaml, .html, .docx or .pdf).',
    );
  const editions = linter.packs.map((p) => ({ edition: p.edition, ...p.in_force }));
  const display = toDisplayPath(absolute, io.cwd);
  let plan: MigrationPlan;
  if (isConverted(format)) {
    const doc = await parseFileBytes(display, read.bytes, fileOptionsFor(absolute, read, engine.options));
    if ('ok' in doc)
      throw new UsageError(
        `Cannot read ${file}: ${parseMessageText(doc)}`,
        'Ask for the document as a Word file or an accessible PDF with a text layer, or convert it with `wtlint convert`.',
      );
    plan = planMigrationOf(doc, target, editions, asOf);
  } else {
    const decoded = decodeBytes(read.bytes);
    if (!decoded.ok)
      throw new UsageError(
        `${file}:${decoded.line}:${decoded.column} ${parseMessageText(decoded)}`,
        'wtlint migrate reads Markdown or YAML in UTF-8, HTML pages, Word documents and PDFs.',
      );
    plan = planMigration({ path: display, text: decoded.text }, target, editions, asOf);
  }
  if (plan.kind === 'yearly-report') {
    throw new UsageError(
      `${plan.file} is a yearly report; wtlint migrate checks published arrangements`,
      'Run `wtlint check` on the yearly report instead.',
    );
  }
  const ctx = { style: new Chalk({ level: (flags.color ?? io.isTTY) ? 1 : 0 }), asOf, version: packageVersion() };
  const output = (await migrationFormats[flags.format]())(plan, ctx);
  if (flags.output) writeFileAtomic(flags.output, output);
  else io.stdout(output);
  return plan.summary.todo + plan.summary.partial + plan.problems.length === 0 ? EXIT.ok : EXIT.findings;
}
