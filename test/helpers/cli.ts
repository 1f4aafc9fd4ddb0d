// Runs the CLI in-process (run(argv, io)) with captured output, a fixed date, and a folder of its own.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}
export type CliRun = CliResult;

export async function cli(
  cwd: string,
  argv: string[],
  extra: { stdin?: Uint8Array; env?: Record<string, string>; isTTY?: boolean } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => extra.stdin ?? new Uint8Array(),
    isTTY: extra.isTTY ?? false,
    today: '2026-11-23',
    env: extra.env ?? {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** The same, arguments first (the audit tests' order). */
export function runCli(argv: string[], cwd: string): Promise<CliRun> {
  return cli(cwd, argv);
}

/** A fresh folder holding the given files (path → text). */
export function tempFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wtlint-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
