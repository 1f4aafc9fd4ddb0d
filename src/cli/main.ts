// argv in, exit code out. The only place that knows commander; bin/wtlint.js sets
// process.exitCode from what run() returns; nothing here ends the process itself.
// Commands are imported when they run, so `--version` and `--help` load nothing heavy.
import { Command, CommanderError, Option } from 'commander';
import { UsageError, describeUsageError } from './errors.js';
import { PackError } from '../pack/errors.js';
import { FORMAT_NAMES } from '../report/index.js';
import { packageVersion } from './package-root.js';
import type { CliIO } from './io.js';

export function defaultIO(): CliIO {
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
    .description("Checks England's multi-agency safeguarding arrangements and yearly reports against Working Together to Safeguard Children (2018 and 2023)")
    .version(packageVersion(), '-v, --version')
    .option('--debug', 'show the stack of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run wtlint --help for usage)');

  program
    .command('check', { isDefault: true })
    .description('check documents (files or folders; - reads standard input)')
    .argument('[paths...]', 'files or folders to check', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--edition <year>', 'judge every document against this edition (2018 or 2023)')
    .option('--as-of <date>', 'judge dates as of this day, YYYY-MM-DD (default: today)')
    .option('-c, --config <file>', 'use this config file instead of searching for wtlint.config.yaml')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-q, --quiet', 'report errors only')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .option('--stdin-filename <name>', 'the name to report for standard input (its extension picks Markdown or YAML)')
    .option('--cache', 'reuse the results of unchanged documents (keyed on content, wtlint and pack version, config and date)')
    .option('--cache-location <file>', 'the cache file (default .wtlintcache); implies --cache')
    .action(async (paths: string[], flags) => {
      const { check } = await import('./commands/check.js');
      code = await check(paths, flags, io);
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
    .option('--kind <kind>', 'only rules for arrangements or yearly-report')
    .option('--json', 'as JSON')
    .action(async (flags) => {
      const { rules } = await import('./commands/rules.js');
      code = rules(flags, io);
    });

  program
    .command('init')
    .description('write a starting document with every expected heading into the current folder')
    .requiredOption('--kind <kind>', 'arrangements or yearly-report')
    .requiredOption('--edition <year>', '2018 or 2023')
    .option('--area <name>', 'the partnership or area name')
    .action(async (flags) => {
      const { init } = await import('./commands/init.js');
      code = init(flags, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the front matter, for editors')
    .requiredOption('--kind <kind>', 'arrangements or yearly-report')
    .requiredOption('--edition <year>', '2018 or 2023')
    .action(async (flags) => {
      const { schema } = await import('./commands/schema.js');
      code = schema(flags, io);
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
