// Reading one of wtlint's own YAML files (config, audit manifest, baseline): read, parse with
// positions, validate against its schema. Any mistake is a UsageError naming file:line:column.
import { readFileSync } from 'node:fs';
import { parseYaml, type FrontMatter } from '../parse/front-matter.js';
import { normaliseText } from '../parse/document.js';
import { locatePath } from '../parse/locate.js';
import { createAjv, describeErrors } from '../schema-validator.js';
import { UsageError } from './errors.js';
import { readJson } from './resources.js';
import { parseMessageText } from '../reserved.js';

export interface YamlFileHints {
  /** What the file is, for "Cannot read the …": config file, manifest, baseline. */
  what: string;
  /** What to do when it cannot be read, has broken YAML, or does not match its schema. */
  unreadable: string;
  yaml: string;
  schema: string;
}

export interface YamlFile {
  frontMatter: FrontMatter;
  data: unknown;
}

/** `shown` is the path as the messages give it; `empty` stands in for a file with no content. */
export function readYamlFile(file: string, shown: string, schemaFile: string, hints: YamlFileHints, empty: unknown = null): YamlFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the ${hints.what} ${shown} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, hints.unreadable);
  }
  const { frontMatter, problems } = parseYaml(normaliseText(text), 0);
  if (problems.length) {
    const p = problems[0]!;
    throw new UsageError(`${shown}:${p.line}:${p.column} ${parseMessageText(p)}`, hints.yaml);
  }
  const data = frontMatter.data ?? empty;
  const validate = createAjv().compile(readJson(schemaFile));
  if (!validate(data)) {
    const problem = describeErrors(validate)[0]!;
    const { place } = locatePath(frontMatter, problem.path);
    throw new UsageError(`${shown}:${place.line}:${place.column} ${problem.message}`, hints.schema);
  }
  return { frontMatter, data };
}
