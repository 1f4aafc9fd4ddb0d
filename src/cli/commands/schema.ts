// wtlint schema --kind --edition: one self-contained JSON Schema for editors.
import { readJson, bundledLinter } from '../../engine/resources.js';
import { parseEdition, parseKind } from '../../engine/options.js';
import type { CliIO } from '../io.js';

const DEFS_REF = '../defs.schema.json#/definitions/';

export function schema(flags: { kind: string; edition: string }, io: CliIO): number {
  const kind = parseKind(flags.kind);
  const edition = parseEdition(
    flags.edition,
    bundledLinter().packs.map((p) => p.edition),
  );
  io.stdout(`${JSON.stringify(bundleSchema(edition, kind), null, 2)}\n`);
  return 0;
}

/** Inlines the shared definitions so the schema needs nothing beside it. */
export function bundleSchema(edition: string, kind: string): object {
  const main = readJson(`schemas/${edition}/${kind}.schema.json`) as Record<string, unknown>;
  const defs = (readJson('schemas/defs.schema.json') as { definitions: Record<string, unknown> }).definitions;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          k === '$ref' && typeof v === 'string' ? v.replace(DEFS_REF, '#/definitions/') : rewrite(v),
        ]),
      );
    }
    return value;
  };
  // The shared definitions already refer to each other as #/definitions/…, which still holds once inlined.
  return { ...(rewrite(main) as object), definitions: defs };
}
