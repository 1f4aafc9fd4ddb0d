// The reporter registries load each format on first use; tests call reporters directly, so
// they load every format of a registry once, up front.
import { auditReporters } from '../../src/audit/report/index.js';
import { inMemory } from '../../src/audit/report/stream.js';
import type { AuditReporter } from '../../src/audit/report/types.js';
import { migrationFormats } from '../../src/migrate/format/index.js';
import { reporters } from '../../src/report/index.js';

type Loaded<R extends Record<string, () => Promise<unknown>>> = { [K in keyof R]: Awaited<ReturnType<R[K]>> };

export async function loadAll<R extends Record<string, () => Promise<unknown>>>(registry: R): Promise<Loaded<R>> {
  return Object.fromEntries(await Promise.all(Object.entries(registry).map(async ([name, load]) => [name, await load()]))) as Loaded<R>;
}

/** check's reporters, by --format name. */
export const checkReporters = await loadAll(reporters);
/** migrate's formats, by --format name. */
export const migrationFormatters = await loadAll(migrationFormats);
/** audit's formats, streamed, by --format name. */
export const auditStreams = await loadAll(auditReporters);
/** audit's formats as whole-report strings (what merge writes), by --format name. */
export const auditTexts = Object.fromEntries(Object.entries(auditStreams).map(([name, stream]) => [name, inMemory(stream)])) as Record<
  keyof typeof auditStreams,
  AuditReporter
>;
