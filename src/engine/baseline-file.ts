// Reads and writes wtlint-baseline.yaml. A malformed file is a usage error naming
// file:line:column, like a bad config (exit 2): a baseline silently ignored would
// let findings through or fail a build for the wrong reason.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isSeq, type Node } from 'yaml';
import { readYamlFile } from './yaml-file.js';
import type { LocatedEntry } from '../baseline.js';

export const BASELINE_NAME = 'wtlint-baseline.yaml';

export function readBaseline(path: string, cwd: string): LocatedEntry[] {
  const file = resolve(cwd, path);
  const shown = relative(cwd, file) || file;
  const { frontMatter } = readYamlFile(file, shown, 'schemas/baseline.schema.json', {
    what: 'baseline',
    unreadable: 'Check the path given to --baseline, or write one with `wtlint baseline`.',
    yaml: 'Fix the YAML of the baseline, or write it again with `wtlint baseline`.',
    schema: 'Each entry needs rule, file, element, count (1 or more) and reason; until is an optional YYYY-MM-DD.',
  });
  const entries = (frontMatter.data as { entries: LocatedEntry[] }).entries;
  const seq = frontMatter.doc.get('entries', true);
  return entries.map((entry, i) => {
    const node = isSeq(seq) ? (seq.items[i] as Node | undefined) : undefined;
    const line = node?.range ? frontMatter.lineCounter.linePos(node.range[0]).line : 1;
    return { ...entry, line };
  });
}

/** The entries of an existing baseline (to keep their reasons), or none. */
export function readPreviousBaseline(path: string, cwd: string): LocatedEntry[] {
  return existsSync(resolve(cwd, path)) ? readBaseline(path, cwd) : [];
}
