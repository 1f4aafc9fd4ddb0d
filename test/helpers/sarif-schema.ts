// Validation against the official SARIF 2.1.0 schema (draft-04, hence ajv-draft-04), which
// CI finds in ../shared/specs beside the clone. Absent, the check is skipped with a visible warning.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';

export const SARIF_SCHEMA = join(import.meta.dirname, '..', '..', '..', 'shared', 'specs', 'sarif-schema-2.1.0.json');
let validate: ValidateFunction | undefined;

/** The schema errors of a SARIF log ([] when valid), or null when the schema file is absent. */
export function sarifSchemaErrors(log: unknown): object[] | null {
  if (!existsSync(SARIF_SCHEMA)) {
    console.warn(`\n⚠ SARIF schema validation SKIPPED: ${SARIF_SCHEMA} is absent (CI has ../shared beside the clone).\n`);
    return null;
  }
  validate ??= new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  validate(log);
  return validate.errors ?? [];
}
