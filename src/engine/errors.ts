// Errors meant for people: what is wrong, where, what to do. Each means exit code 2.
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export function describeUsageError(error: UsageError): string {
  return `wtlint: ${error.message}${error.hint ? `\n${error.hint}` : ''}\n`;
}
