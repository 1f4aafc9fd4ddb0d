// wtlint as a library: what `import … from 'wtlint'` gives (package.json `main`, `types` and
// `exports` point at the build of this file). The engine for most uses; the pure core, the
// reporter registries and the types for those who bring their own files or output.
//
//   import { Engine } from 'wtlint';
//   const engine = new Engine({ cwd: process.cwd(), today: '2026-11-23' });
//   const result = await engine.lintText(text, 'arrangements.md');
//   for (const f of result.findings) console.log(`${f.line}:${f.column} ${f.ruleId} ${f.message}`);

// The engine: flags + config + today → options; files and text → results; reporters by name.
export { Engine, ruleMeta, type EngineSetup, type LintFilesOptions } from './engine/engine.js';
export { lintOptionsFor, type JudgingFlags } from './engine/options.js';
export { loadConfig, findConfigFile, CONFIG_NAMES, type Config } from './engine/config.js';
export { bundledLinter, loadBundledPacks, loadDocumentSchemas, loadReferenceData, PACK_IDS } from './engine/resources.js';
export { packageVersion } from './engine/package-root.js';
export { UsageError } from './engine/errors.js';

// The pure core: text in, findings out (no files, clock or console).
export { createLinter, type Linter, type FileOptions, type DocumentSchemas } from './lint.js';
export { compilePack, loadPack, PackError, type CompiledPack, type CompiledRule } from './pack/load.js';
export { createBaseline, applyBaseline, formatBaseline, type BaselineEntry } from './baseline.js';

// Reporters: check's, audit's and migrate's, each registry keyed by --format name.
export { reporters, FORMAT_NAMES, type FormatName } from './report/index.js';
export type { Reporter, ReportContext, RuleMeta } from './report/types.js';
export { auditReporters, AUDIT_FORMAT_NAMES, type AuditFormatName } from './audit/report/index.js';
export { inMemory as auditReportText } from './audit/report/stream.js';
export type { AuditReporter, AuditStreamReporter, AuditReportContext } from './audit/report/types.js';
export { migrationFormats, MIGRATION_FORMAT_NAMES, type MigrationFormatName, type MigrationFormatter } from './migrate/format/index.js';

export type * from './types.js';
export { DOCUMENT_KINDS } from './types.js';
export type { AuditReport, AreaResult, AuditDocument } from './audit/types.js';
