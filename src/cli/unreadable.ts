// A file that cannot be read is a finding for it (parse-error/unreadable), never a stopped run.
import { RESERVED, reservedFinding } from '../reserved.js';
import type { DocumentResult } from '../types.js';

export function unreadableResult(display: string, error: unknown): DocumentResult {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return {
    file: display,
    kind: null,
    edition: null,
    area: null,
    elements: {},
    evidence: {},
    findings: [reservedFinding(RESERVED.parseError, 'unreadable', `Cannot read the file (${code})`, { line: 1, column: 1 })],
  };
}
