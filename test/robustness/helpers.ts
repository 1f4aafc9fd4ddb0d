// Shared by the robustness tests (test/robustness-*.test.ts) and the fuzz run (fuzz/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundledLinter } from '../../src/engine/resources.js';
import type { DocumentResult, LintOptions } from '../../src/types.js';

export const AS_OF = '2026-11-23';
export const OPTIONS: LintOptions = { asOf: AS_OF };
export const linter = bundledLinter();
export const root = join(import.meta.dirname, '..', '..');

/** The findings that name a position, as tests compare them. */
export function positions(result: DocumentResult) {
  return result.findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, line: f.line, column: f.column }));
}

/** Every file under a folder, recursively, in a stable order. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/** The Markdown and YAML documents the project ships: test/fixtures/prose and examples/. */
export function sampleDocuments(): { path: string; text: string }[] {
  return [...filesUnder(join(root, 'test/fixtures/prose')), ...filesUnder(join(root, 'examples'))]
    .filter((p) => /\.(md|ya?ml)$/.test(p) && !p.endsWith('README.md'))
    .map((p) => ({ path: p.slice(root.length + 1), text: readFileSync(p, 'utf8') }));
}
