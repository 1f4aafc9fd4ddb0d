// Runs the CLI in-process with captured output, a fixed folder and a fixed date.
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => new Uint8Array(),
    isTTY: false,
    today: '2026-11-23',
    env: {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
