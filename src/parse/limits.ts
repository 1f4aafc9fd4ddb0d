// Resource limits on one document: hostile or broken input gets a finding with its
// position instead of exhausting memory, the stack or the clock. Each is configurable
// (config `limits:`, LintOptions.limits); docs/robustness.md lists them.

export interface Limits {
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** Most YAML alias (`*name`) expansions in one document: stops "billion laughs". */
  maxAliases: number;
  /** Deepest nesting of YAML collections or Markdown containers (block quotes, lists). */
  maxDepth: number;
  /**
   * Deepest nesting of elements in an HTML page, or in a Word document's XML and the HTML it
   * becomes. Separate from maxDepth: every wrapper <div> is a level, and real pages often nest
   * 30 to 60 deep where a Markdown document rarely passes 5.
   */
  maxElementDepth: number;
  /** Longest line, in characters. */
  maxLineLength: number;
  /** Most YAML documents (separated by `---`) in one .yaml file; wtlint reads the first. */
  maxDocuments: number;
  /** Largest PDF read, in bytes (PDFs carry pictures, so they get more room than text files). */
  maxPdfBytes: number;
  /** Most pages in one PDF. */
  maxPages: number;
  /** Longest time spent reading one PDF, in seconds (the CLI reads PDFs in a worker thread it can stop). */
  maxSeconds: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxBytes: 10 * 1024 * 1024,
  maxAliases: 100,
  maxDepth: 32,
  maxElementDepth: 256,
  maxLineLength: 20_000,
  maxDocuments: 1,
  maxPdfBytes: 50 * 1024 * 1024,
  maxPages: 1000,
  maxSeconds: 30,
};

export function resolveLimits(limits?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...definedOnly(limits ?? {}) };
}

function definedOnly(limits: Partial<Limits>): Partial<Limits> {
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) as Partial<Limits>;
}

/** The first line longer than `max` characters (line ends already LF), or null. */
export function firstLongLine(text: string, max: number): { line: number; column: number; length: number } | null {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > max) return { line, column: max + 1, length: end - start };
    start = end + 1;
    line++;
  }
  return null;
}
