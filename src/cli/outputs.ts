// Several formats in one run: `-f sarif -o a.sarif -f junit -o b.xml`. Commander calls
// option parsers in argv order, so each --output pairs with the --format just before it
// (or, given first, with the next one: `-o r.json -f json`). At most one format goes to
// standard output; no file is named twice.
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../engine/errors.js';
import { FORMAT_NAMES, type FormatName } from '../report/index.js';

export interface OutputTarget {
  format: FormatName;
  /** A file path (relative to the working directory), or undefined for standard output. */
  file?: string;
}

export interface OutputCollector {
  format: (value: string) => string;
  output: (value: string) => string;
  /** The targets in argv order; `stylish` to standard output when nothing was asked for. */
  targets: () => OutputTarget[];
}

export function collectOutputs(): OutputCollector {
  const targets: { format?: FormatName; file?: string }[] = [];
  const problems: string[] = [];
  return {
    format(value) {
      if (!(FORMAT_NAMES as readonly string[]).includes(value)) {
        throw new InvalidArgumentError(`Allowed choices are ${FORMAT_NAMES.join(', ')}.`);
      }
      const pending = targets[targets.length - 1];
      if (pending && pending.format === undefined) pending.format = value as FormatName;
      else targets.push({ format: value as FormatName });
      return value;
    },
    output(value) {
      const last = targets[targets.length - 1];
      if (last && last.file === undefined && last.format !== undefined) last.file = value;
      else if (last && last.format === undefined)
        problems.push(`--output ${value} follows --output ${last.file} with no --format between them`);
      else targets.push({ file: value });
      return value;
    },
    targets() {
      if (problems.length)
        throw new UsageError(problems[0]!, 'Give each --output its own --format: -f sarif -o a.sarif -f junit -o b.xml.');
      const orphan = targets.find((t) => t.format === undefined);
      if (orphan && targets.length > 1)
        throw new UsageError(
          `--output ${orphan.file} has no --format`,
          'Put a --format before each --output: -f sarif -o a.sarif -f junit -o b.xml.',
        );
      const result: OutputTarget[] = targets.map((t) => ({
        format: t.format ?? 'stylish',
        ...(t.file !== undefined ? { file: t.file } : {}),
      }));
      if (result.length === 0) result.push({ format: 'stylish' });
      const toStdout = result.filter((t) => t.file === undefined);
      if (toStdout.length > 1) {
        throw new UsageError(
          `${toStdout.map((t) => t.format).join(' and ')} would both go to standard output`,
          'Give every format but one an --output file: -f sarif -o a.sarif -f stylish.',
        );
      }
      const files = result.flatMap((t) => (t.file === undefined ? [] : [t.file]));
      const twice = files.find((f, i) => files.indexOf(f) !== i);
      if (twice !== undefined) throw new UsageError(`--output ${twice} is given twice`, 'Write each format to its own file.');
      return result;
    },
  };
}
