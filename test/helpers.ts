// Shared test helpers: the bundled linter and an in-process CLI with captured streams.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledLinter } from '../src/engine/resources.js';
import { cli as runIn, type CliRun } from './helpers/cli.js';
import type { DocumentResult, LintOptions } from '../src/types.js';
import { loadVocabulary } from '../src/pack/load.js';
import type { Vocabulary } from '../src/pack/phrases.js';

export const AS_OF = '2026-11-23';

export function lintText(path: string, text: string, options: Partial<LintOptions> = {}): DocumentResult {
  return bundledLinter().lint({ path, text }, { asOf: AS_OF, ...options });
}

/** The CLI in-process, arguments first, with standard input as text (see helpers/cli.ts). */
export function cli(argv: string[], opts: { cwd?: string; stdin?: string; isTTY?: boolean } = {}): Promise<CliRun> {
  return runIn(opts.cwd ?? process.cwd(), argv, { stdin: new TextEncoder().encode(opts.stdin ?? ''), isTTY: opts.isTTY });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'wtlint-test-'));
}

/** Findings reduced to what tests pin: identity and position (wording is pinned by goldens). */
export function pinned(result: DocumentResult) {
  return result.findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, line: f.line, column: f.column }));
}

/** The bundled phrase sets (rules/phrases.yaml), validated: what every pack loaded in a test names. */
export function bundledVocabulary(): Vocabulary {
  const read = (file: string) => readFileSync(join(import.meta.dirname, '..', file), 'utf8');
  return loadVocabulary(read('rules/phrases.yaml'), 'rules/phrases.yaml', JSON.parse(read('schemas/phrases.schema.json')) as object);
}
