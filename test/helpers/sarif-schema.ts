// Validation against the official SARIF 2.1.0 schema (draft-04, hence ajv-draft-04), vendored
// unchanged in test/vendor (source and licence in test/vendor/README.md), so it runs on any clone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';

// A CommonJS module: its class is module.exports and module.exports.default, and the types see the module object.
const Ajv = (AjvModule as unknown as { default: new (options: object) => { compile: (schema: object) => ValidateFunction } }).default;

export const SARIF_SCHEMA = join(import.meta.dirname, '..', 'vendor', 'sarif-schema-2.1.0.json');
let validate: ValidateFunction | undefined;

/** The schema errors of a SARIF log ([] when valid). */
export function sarifSchemaErrors(log: unknown): object[] {
  const check = (validate ??= new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
    JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')),
  ));
  check(log);
  return check.errors ?? [];
}
