// Everything the commands need from the outside world, passed in so tests can run
// the CLI in-process with their own streams, folder and date.
export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Uint8Array>;
  /** Whether stdout is a terminal (colour by default). */
  isTTY: boolean;
  /** Today's date, YYYY-MM-DD: the default --as-of. */
  today: string;
  env: Record<string, string | undefined>;
}
