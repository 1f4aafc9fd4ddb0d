// Shared test helpers: the bundled linter and an in-process CLI with captured streams.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledLinter } from '../src/cli/resources.js';
import { run } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import type { DocumentResult, LintOptions } from '../src/types.js';

export const AS_OF = '2026-11-23';

export function lintText(path: string, text: string, options: Partial<LintOptions> = {}): DocumentResult {
  return bundledLinter().lint({ path, text }, { asOf: AS_OF, ...options });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], opts: { cwd?: string; stdin?: string; isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd: opts.cwd ?? process.cwd(),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => new TextEncoder().encode(opts.stdin ?? ''),
    isTTY: opts.isTTY ?? false,
    today: AS_OF,
    env: {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'wtlint-test-'));
}

/** Findings reduced to what tests pin: identity and position (wording is pinned by goldens). */
export function pinned(result: DocumentResult) {
  return result.findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, line: f.line, column: f.column }));
}
