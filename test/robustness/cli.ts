// Runs the CLI in-process with captured streams (issue 6 tests).
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { AS_OF } from './helpers.js';

export async function runCli(args: string[], cwd: string, stdin = new Uint8Array()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
    isTTY: false,
    today: AS_OF,
    env: {},
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
