// Runs the CLI in-process with captured streams (for the robustness tests): the shared runner, arguments first.
import { cli, type CliResult } from '../helpers/cli.js';

export function runCli(args: string[], cwd: string, stdin = new Uint8Array()): Promise<CliResult> {
  return cli(cwd, args, { stdin });
}
