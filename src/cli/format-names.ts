// The --format names of check, audit/merge and migrate, for main.ts's help and option parsing
// without loading a reporter: `wtlint --version` and `check` load no audit or migration code
// (issue 5, docs/startup.md). Each list must hold exactly its registry's names: tsc fails
// otherwise (NamesMatchRegistries below); test/startup.test.ts checks the order too.
import type { FormatName } from '../report/index.js';
import type { AuditFormatName } from '../audit/report/index.js';
import type { MigrationFormatName } from '../migrate/format.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab', 'markdown', 'html'] as const satisfies readonly FormatName[];
export const AUDIT_FORMAT_NAMES = ['terminal', 'csv', 'json', 'html'] as const satisfies readonly AuditFormatName[];
export const MIGRATION_FORMAT_NAMES = ['stylish', 'json', 'markdown'] as const satisfies readonly MigrationFormatName[];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type NamesMatchRegistries = [
  Assert<Same<(typeof FORMAT_NAMES)[number], FormatName>>,
  Assert<Same<(typeof AUDIT_FORMAT_NAMES)[number], AuditFormatName>>,
  Assert<Same<(typeof MIGRATION_FORMAT_NAMES)[number], MigrationFormatName>>,
];
