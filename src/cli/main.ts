// argv in, exit code out. The only place that knows commander; bin/wtlint.js sets
// process.exitCode from what run() returns; nothing here ends the process itself.
// Commands are imported when they run, so `--version` and `--help` load nothing heavy.
import { Command, CommanderError, Option } from 'commander';
import { collectOutputs } from './outputs.js';
import { FORMAT_NAMES } from '../report/index.js';
import { AUDIT_FORMAT_NAMES } from '../audit/report/index.js';
import { MIGRATION_FORMAT_NAMES } from '../migrate/format/index.js';
import { UsageError, describeUsageError } from '../engine/errors.js';
import { PackError } from '../pack/errors.js';
import { packageVersion } from '../engine/package-root.js';
import type { CliIO } from './io.js';

let pipesGuarded = false;

/**
 * `wtlint … | head` closes the pipe early: the write then fails with EPIPE, which Node
 * raises as an unhandled 'error' event (a stack trace). The reader has gone, so the rest
 * of the output has nowhere to go: drop it quietly and keep the exit code. Other write
 * errors still surface.
 */
function guardBrokenPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

export function defaultIO(): CliIO {
  guardBrokenPipes();
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    isTTY: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
    today: localDate(new Date()),
    env: process.env,
  };
}

/** YYYY-MM-DD in local time (what date-fns format(d, 'yyyy-MM-dd') gives, without loading date-fns). */
export function localDate(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function run(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  let code = 0;
  const program = new Command('wtlint')
    .description(
      "Checks England's multi-agency safeguarding arrangements and yearly reports against Working Together to Safeguard Children (2018 and 2023)",
    )
    .version(packageVersion(), '-v, --version')
    .option('--debug', 'show the stack of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run wtlint --help for usage)');

  const outputs = collectOutputs();
  program
    .command('check', { isDefault: true })
    .description('check documents (files or folders; - reads standard input)')
    .argument('[paths...]', 'files or folders to check', [])
    .addOption(
      new Option(
        '-f, --format <name>',
        `output format: ${FORMAT_NAMES.join(', ')} (default: stylish); repeat with an --output each for several`,
      ).argParser(outputs.format),
    )
    .addOption(
      new Option('-o, --output <file>', 'write the report of the --format before it to this file instead of standard output').argParser(
        outputs.output,
      ),
    )
    .addOption(lintOptions.edition())
    .addOption(lintOptions.asOf())
    .addOption(lintOptions.config())
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-q, --quiet', 'report errors only')
    .option('--verbose', 'stylish: give info findings in full (citation and what to do), not one line each')
    .addOption(colourOptions.on())
    .addOption(colourOptions.off())
    .option('--stdin-filename <name>', 'the name to report for standard input (its extension picks Markdown, YAML, HTML or Word)')
    .option('--baseline <file>', 'accept the findings listed in this baseline file (see wtlint baseline); fail only on new ones')
    .option('--report-unused-disables', 'report inline wtlint-disable directives that disable nothing, as errors')
    .option('--upcoming', 'also report, at info, requirements not yet in force on the --as-of day that the documents do not meet')
    .option('--cache', 'reuse the results of unchanged documents (keyed on content, wtlint and pack version, config and date)')
    .option('--cache-location <file>', 'the cache file (default .wtlintcache); implies --cache')
    .action(async (paths: string[], flags) => {
      const { check } = await import('./commands/check.js');
      code = await check(paths, { ...flags, outputs: outputs.targets() }, io);
    });

  program
    .command('baseline')
    .description("accept today's findings: write them to wtlint-baseline.yaml for check --baseline")
    .argument('[paths...]', 'files or folders to check', [])
    .option('-o, --output <file>', 'the baseline file to write (an existing one keeps its reasons)', 'wtlint-baseline.yaml')
    .option('--reason <text>', 'the reason recorded for new entries')
    .option('--until <date>', 'accept new entries until this day, YYYY-MM-DD')
    .addOption(lintOptions.edition())
    .addOption(lintOptions.asOf())
    .addOption(lintOptions.config())
    .option('--stdin-filename <name>', 'the name to report for standard input')
    .action(async (paths: string[], flags) => {
      const { baseline } = await import('./commands/baseline.js');
      code = await baseline(paths, flags, io);
    });

  program
    .command('audit')
    .description('audit every area in a folder (one subfolder per area, or an areas.yaml manifest): matrix, overdue reports, area checks')
    .argument('<dir>', 'the folder of areas')
    .addOption(new Option('-f, --format <name>', 'output format').choices(AUDIT_FORMAT_NAMES).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .addOption(lintOptions.asOf())
    .addOption(lintOptions.edition())
    .addOption(lintOptions.config())
    .option('--manifest <file>', 'the areas.yaml manifest naming each area and its files (default: <dir>/areas.yaml when present)')
    .option('--compare <previous.json>', 'mark what is newly missing or resolved since an earlier audit JSON')
    .option('--shard <i/n>', 'audit only shard i of n (areas split by a stable hash of their name)')
    .option(
      '-j, --jobs <n>',
      'threads checking documents, the main thread included (default: one per processor, by the number of documents; 0 or 1: the main thread alone)',
    )
    .addOption(colourOptions.on())
    .addOption(colourOptions.off())
    .action(async (dir: string, flags) => {
      const { audit } = await import('./commands/audit.js');
      code = await audit(dir, flags, io);
    });

  program
    .command('fetch')
    .description(
      'download the documents an areas.yaml names by URL into a folder, politely, for wtlint audit (the only command that uses the network)',
    )
    .argument('<manifest>', "the areas.yaml naming each area's documents: paths, or { url, kind?, edition?, published?, period? }")
    .requiredOption('--into <dir>', 'the folder to fetch into: <area>/<name>.<ext> with a sidecar each, and an areas.yaml for wtlint audit')
    .option('--offline', 'no network: use the copies already in the folder and rewrite its areas.yaml')
    .option('--delay <seconds>', 'pause between two requests to the same host (default 1; longer when its robots.txt asks)')
    .option('--hosts <n>', 'hosts fetched from at the same time (default 4)')
    .option('--timeout <seconds>', 'longest wait for one answer, headers and body (default 30)')
    .option('--max-size <MB>', 'largest document accepted (default 50)')
    .option('--retries <n>', 'retries of a 429 or 503 answer, honouring Retry-After up to 60 s (default 3)')
    .action(async (manifest: string, flags) => {
      const { fetchCommand } = await import('./commands/fetch.js');
      code = await fetchCommand(manifest, flags, io);
    });

  program
    .command('merge')
    .description('merge shard audit JSONs (wtlint audit --shard i/n -f json) into the reports of one run')
    .argument('<files...>', 'the shard JSON files')
    .addOption(new Option('-f, --format <name>', 'output format').choices(AUDIT_FORMAT_NAMES).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--compare <previous.json>', 'mark what is newly missing or resolved since an earlier audit JSON')
    .addOption(colourOptions.on())
    .addOption(colourOptions.off())
    .action(async (files: string[], flags) => {
      const { merge } = await import('./commands/merge.js');
      code = await merge(files, flags, io);
    });

  program
    .command('explain')
    .description('explain a rule: citation, why it matters, how to fix it, an example')
    .argument('<rule>', 'a ruleId such as wt2023/funding, or an element such as funding')
    .action(async (rule: string) => {
      const { explain } = await import('./commands/explain.js');
      code = explain(rule, io);
    });

  program
    .command('rules')
    .description('list the rules')
    .option('--edition <year>', 'only this edition')
    .option('--kind <kind>', 'only rules for this kind: arrangements, yearly-report, cdr-arrangements or cdr-report')
    .option('--upcoming', 'only requirements not yet in force on the --as-of day (default today), with from when and their source')
    .addOption(lintOptions.asOf())
    .option('--json', 'as JSON')
    .action(async (flags) => {
      const { rules } = await import('./commands/rules.js');
      code = rules(flags, io);
    });

  program
    .command('init')
    .description('write a starting document with every expected heading into the current folder')
    .requiredOption('--kind <kind>', 'arrangements, yearly-report, cdr-arrangements or cdr-report')
    .requiredOption('--edition <year>', '2018 or 2023')
    .option('--area <name>', 'the partnership or area name')
    .action(async (flags) => {
      const { init } = await import('./commands/init.js');
      code = init(flags, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the front matter, for editors')
    .requiredOption('--kind <kind>', 'arrangements, yearly-report, cdr-arrangements or cdr-report')
    .requiredOption('--edition <year>', '2018 or 2023')
    .action(async (flags) => {
      const { schema } = await import('./commands/schema.js');
      code = schema(flags, io);
    });

  program
    .command('convert')
    .description('write an HTML page, Word document or PDF as Markdown with front matter (never overwrites)')
    .argument('<file>', 'a .html, .htm, .docx or .pdf file')
    .option('-o, --output <file>', 'the Markdown file to write (default: beside the input, .md; - for standard output)')
    .addOption(lintOptions.config())
    .action(async (file: string, flags) => {
      const { convert } = await import('./commands/convert.js');
      code = await convert(file, flags, io);
    });

  program
    .command('migrate')
    .description('list what arrangements written for an earlier edition must add or change for a later one, and what is done')
    .argument('<file>', 'the arrangements document')
    .requiredOption('--to <year>', 'the edition to move to (2023)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(MIGRATION_FORMAT_NAMES).default('stylish'))
    .option('-o, --output <file>', 'write the checklist to a file instead of standard output')
    .option('--as-of <date>', 'the date used to infer an edition the document does not state (default: today)')
    .addOption(lintOptions.config())
    .addOption(colourOptions.on())
    .addOption(colourOptions.off())
    .action(async (file: string, flags) => {
      const { migrate } = await import('./commands/migrate.js');
      code = await migrate(file, flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2; // help and version exit 0; usage mistakes 2
    }
    if (error instanceof UsageError) {
      io.stderr(describeUsageError(error));
      return 2;
    }
    if (error instanceof PackError) {
      io.stderr(`wtlint: invalid rule pack: ${error.message}\nThis is a fault in the installed rules; reinstall wtlint or fix the pack.\n`);
      return 2;
    }
    throw error;
  }
}

/** Options that set how documents are judged, the same for every command that lints (made afresh for each command: commander keeps state on an option). */
const lintOptions = {
  edition: () => new Option('--edition <year>', 'judge every document against this edition (2018 or 2023)'),
  asOf: () => new Option('--as-of <date>', 'judge dates as of this day, YYYY-MM-DD (default: today)'),
  config: () => new Option('-c, --config <file>', 'use this config file instead of searching for wtlint.config.yaml'),
};

const colourOptions = {
  on: () => new Option('--color', 'force colour'),
  off: () => new Option('--no-color', 'no colour'),
};
