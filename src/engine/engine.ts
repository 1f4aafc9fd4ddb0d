// The engine between the command line and the pure core, as ESLint keeps its `ESLint` class
// between `cli.js` and the `Linter`: made once from flags, the config file and today, it lints
// files and text and loads reporters. Every command that lints documents makes one, so they all
// judge by the same options (lintOptionsFor). It reads files; it never prints or exits.
import { bundledLinter } from './resources.js';
import { loadConfig, type Config } from './config.js';
import { lintOptionsFor, type JudgingFlags } from './options.js';
import { findDocuments } from './files.js';
import { lintPath, pdfOptionsFor } from './read-document.js';
import { openResultCache } from './cache.js';
import { UsageError } from './errors.js';
import { reporters, type FormatName } from '../report/index.js';
import type { Reporter, RuleMeta } from '../report/types.js';
import type { DocumentResult, LintOptions } from '../types.js';
import type { Linter } from '../lint.js';

export interface EngineSetup extends JudgingFlags {
  /** The folder paths are resolved from and the config file is searched upward from. */
  cwd: string;
  /** Today, YYYY-MM-DD: the date documents are judged on unless --as-of or the config says otherwise. */
  today: string;
  /** A config file to use instead of searching for wtlint.config.yaml. */
  config?: string;
  /** Where warnings go (a cache file that cannot be used); dropped when not given. */
  warn?: (text: string) => void;
}

export interface LintFilesOptions {
  /** Standard input, read when the paths include `-`. */
  readStdin?: () => Promise<Uint8Array>;
  /** The name reported for standard input (its extension picks the format). */
  stdinFilename?: string;
  /** A result cache file (check --cache): unchanged documents are not linted again. */
  cacheLocation?: string;
}

export class Engine {
  readonly linter: Linter;
  readonly config: Config;
  readonly options: LintOptions;
  private readonly cwd: string;
  private readonly warn: (text: string) => void;

  constructor(setup: EngineSetup) {
    this.linter = bundledLinter();
    this.config = loadConfig(setup.cwd, setup.config);
    this.options = lintOptionsFor(setup, this.config, setup.today, this.editions);
    this.cwd = setup.cwd;
    this.warn = setup.warn ?? (() => {});
  }

  /** The editions wtlint has packs for, oldest first. */
  get editions(): string[] {
    return this.linter.packs.map((p) => p.edition);
  }

  /** Lints the documents in these files and folders (`-` is standard input), sorted by file. */
  async lintFiles(paths: string[], how: LintFilesOptions = {}): Promise<DocumentResult[]> {
    const { linter, options } = this;
    const results: DocumentResult[] = [];
    const filePaths = paths.filter((p) => p !== '-');
    if (paths.includes('-')) {
      const bytes = how.readStdin ? await how.readStdin() : new Uint8Array();
      const name = how.stdinFilename ?? '<stdin>.md';
      results.push(await linter.lintFileBytes(name, bytes, { ...options, ...pdfOptionsFor(name, options) }));
    }
    const files =
      filePaths.length || !paths.includes('-') ? findDocuments(filePaths.length ? filePaths : ['.'], this.cwd, this.config.isIgnored) : [];
    if (files.length === 0 && !paths.includes('-')) {
      throw new UsageError(
        `No documents found in ${(filePaths.length ? filePaths : ['.']).join(', ')}`,
        'wtlint checks .md, .markdown, .yaml, .yml, .html, .htm, .docx and .pdf files; name a file or a folder that holds them.',
      );
    }
    const cache = how.cacheLocation !== undefined ? openResultCache(how.cacheLocation, this.cwd, options, this.warn) : undefined;
    for (const file of files) results.push(await lintPath(linter, file.absolute, file.display, options, cache));
    cache?.save();
    return results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** Lints one document given as text; its name's extension picks Markdown, YAML or HTML. */
  lintText(text: string, filePath = '<text>.md'): Promise<DocumentResult> {
    return this.linter.lintFileBytes(filePath, new TextEncoder().encode(text), this.options);
  }

  /** The reporter of a check --format, loaded on first use. */
  loadFormatter(name: FormatName): Promise<Reporter> {
    return reporters[name]();
  }

  /** What reporters say about each rule (title, citation, help, edition). */
  ruleMeta(): RuleMeta[] {
    return ruleMeta(this.linter);
  }
}

export function ruleMeta(linter: Linter): RuleMeta[] {
  return linter.packs.flatMap((pack) =>
    pack.rules.map((r) => ({
      ...{ ruleId: r.ruleId, element: r.element, title: r.title, severity: r.severity, citation: r.citation, help: r.help, why: r.why },
      ...{ edition: pack.edition, url: pack.source, kinds: [...r.applies_to], checks: r.checks.map((c) => c.kind) },
    })),
  );
}
