// An invalid pack: file:line:column and the field. Its own module so the CLI can recognise
// it without loading the pack machinery.
export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column} ${field}: ${problem}`);
    this.name = 'PackError';
  }
}
