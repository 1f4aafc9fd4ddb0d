// wtlint convert <file> [-o out.md]: an HTML page, Word document or PDF as Markdown with front
// matter. Never overwrites: not the input, not an existing output.
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Engine } from '../../engine/engine.js';
import { maxBytesOf, pdfOptionsFor, readDocument } from '../../engine/read-document.js';
import { toDisplayPath } from '../../engine/files.js';
import { UsageError } from '../../engine/errors.js';
import type { CliIO } from '../io.js';
import { convertDocument } from '../../parse/convert/to-markdown.js';
import { formatOf, isConverted } from '../../parse/document.js';
import { parseMessageText } from '../../reserved.js';

export async function convert(file: string, flags: { output?: string; config?: string }, io: CliIO): Promise<number> {
  const input = resolve(io.cwd, file);
  const format = formatOf(input);
  if (!isConverted(format)) {
    throw new UsageError(
      `${file} is not an HTML page, Word document or PDF`,
      'wtlint convert reads .html, .htm, .docx and .pdf files; Markdown and YAML are checked as they are.',
    );
  }
  const toStdout = flags.output === '-';
  const output = toStdout ? null : resolve(io.cwd, flags.output ?? join(dirname(input), `${basename(input, extname(input))}.md`));
  if (output !== null && existsSync(output)) {
    throw new UsageError(
      `${toDisplayPath(output, io.cwd)} already exists; wtlint convert never overwrites a file`,
      'Name another output with -o, or move the existing file first.',
    );
  }
  const engine = new Engine({ cwd: io.cwd, today: io.today, config: flags.config, warn: io.stderr });
  const read = readDocument(input, maxBytesOf(engine.options, input));
  if (!read.ok) throw new UsageError(`Cannot read ${file}: ${parseMessageText(read)}`, 'Check the path and that the file can be read.');
  const { linter } = engine;
  const converted = await convertDocument(file, format, read.bytes, {
    editions: linter.packs.map((p) => ({ edition: p.edition, ...p.in_force })),
    rules: linter.reference.inference,
    sidecar: read.sidecar,
    limits: engine.options.limits,
    ...(format === 'pdf' && pdfOptionsFor(input, engine.options)),
    asOf: engine.options.asOf,
  });
  if (!converted.ok && converted.messageId === 'too-deep') {
    throw new UsageError(
      `Cannot convert ${file}:${converted.line}:${converted.column}: ${parseMessageText(converted)}`,
      'No document needs nesting this deep: copy its text into a new document and convert that.',
    );
  }
  if (!converted.ok) {
    const advice =
      format === 'pdf'
        ? 'Ask for the document as a Word file or an accessible PDF with a text layer.'
        : 'Open the file in its editor and save it again as .html or .docx.';
    throw new UsageError(`Cannot convert ${file}: ${parseMessageText(converted)}`, advice);
  }
  if (output === null) {
    io.stdout(converted.markdown);
    return 0;
  }
  try {
    writeFileSync(output, converted.markdown, { flag: 'wx' }); // wx: fails rather than overwrite
  } catch (error) {
    throw new UsageError(
      `Cannot write ${toDisplayPath(output, io.cwd)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      'Check that the folder exists and can be written.',
    );
  }
  const shown = toDisplayPath(output, io.cwd);
  const source = read.sidecar
    ? `metadata from ${read.sidecar.path}`
    : converted.inferred.length
      ? `${converted.inferred.join(', ')} read from the text: check them`
      : 'no metadata found in the text: fill in the front matter';
  io.stdout(`Wrote ${shown} (${source}). Run \`wtlint check ${shown}\`.\n`);
  return 0;
}
