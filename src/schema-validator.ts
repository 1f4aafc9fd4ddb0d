// One Ajv setup for every JSON Schema wtlint applies (packs, config, documents),
// and one translation of Ajv errors into plain-English problems with a data path.
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';

// Ajv is loaded on the first createAjv(), not at import: a run served by the validators
// precompiled at build time never needs it (~40 ms of start-up). Both packages are CommonJS.
const require = createRequire(import.meta.url);

/** `source: true` keeps the generated code, for standalone validators made at build time. */
export function createAjv(options: { source?: boolean } = {}): Ajv {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const formats = require('ajv-formats') as { default?: (a: Ajv) => void } & ((a: Ajv) => void);
  const addFormats = formats.default ?? formats;
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    ...(options.source ? { code: { source: true } } : {}),
  });
  addFormats(ajv);
  // Schemas carry editor-facing annotations; declare them so strict mode accepts them.
  ajv.addKeyword('x-citation');
  ajv.addKeyword('markdownDescription');
  return ajv;
}

export interface SchemaProblem {
  path: (string | number)[];
  message: string;
  keyword: string;
}

export function describeErrors(validate: ValidateFunction): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const problem = describeError(error);
    const key = `${problem.path.join('/')}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  // anyOf/oneOf wrappers repeat what their branches said; keep the specific messages.
  const specific = problems.filter((p) => p.keyword !== 'anyOf' && p.keyword !== 'oneOf' && p.keyword !== 'if');
  return specific.length ? specific : problems;
}

function describeError(error: ErrorObject): SchemaProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const at = path.length ? `\`${path.join('.')}\`` : 'the document';
  const p = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined && error.keyword === 'pattern') {
    // A propertyNames rule: the key is wrong, not its mapping; point at the key.
    return {
      path: [...path, error.propertyName],
      keyword: error.keyword,
      message: `Key \`${error.propertyName}\` in ${at} does not match the expected pattern ${String(p.pattern)}`,
    };
  }
  switch (error.keyword) {
    case 'required':
      return { path, keyword: error.keyword, message: `${at} is missing the required key \`${String(p.missingProperty)}\`` };
    case 'additionalProperties':
      return {
        path: [...path, String(p.additionalProperty)],
        keyword: error.keyword,
        message: `Unknown key \`${String(p.additionalProperty)}\` in ${at}`,
      };
    case 'enum':
      return {
        path,
        keyword: error.keyword,
        message: `${at} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'type':
      return { path, keyword: error.keyword, message: `${at} must be ${String(p.type).replace(',', ' or ')}` };
    case 'format':
      return {
        path,
        keyword: error.keyword,
        message:
          p.format === 'date' ? `${at} must be a real calendar date written YYYY-MM-DD` : `${at} must be a valid ${String(p.format)}`,
      };
    case 'pattern':
      return { path, keyword: error.keyword, message: `${at} does not match the expected pattern ${String(p.pattern)}` };
    default:
      return { path, keyword: error.keyword, message: `${at} ${error.message ?? 'is invalid'}` };
  }
}
