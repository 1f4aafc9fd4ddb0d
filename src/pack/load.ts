// Pack text → a validated, compiled pack. Every mistake names file:line:column and
// the field (Spectral's RulesetValidationError, Vale's E201): an invalid pack never runs.
import type { Ajv, ValidateFunction } from 'ajv';
import { createAjv, describeErrors } from '../schema-validator.js';
import { parseYaml } from '../parse/front-matter.js';
import { locatePath } from '../parse/locate.js';
import { checkKinds, isCheckKind } from '../check/kinds/index.js';
import { compileDetection, compilePattern, type CompiledDetection } from '../extract/detection.js';
import type { SignatureVocabulary } from '../parse/plain/signatures.js';
import type { Detection, MigrationItem, Rule, RulePack, Signatories } from './types.js';
import { PackError } from './errors.js';

export { PackError } from './errors.js';

export interface CompiledRule extends Rule {
  ruleId: string;
  detection: CompiledDetection | null;
}

export interface CompiledMigrationItem extends MigrationItem {
  detection: CompiledDetection;
  valuePatterns: { field: string; pattern: RegExp }[];
}

export interface CompiledPack extends Omit<RulePack, 'rules' | 'migration'> {
  file: string;
  rules: CompiledRule[];
  placeholderPatterns: RegExp[];
  /** The pack's `signatories`, compiled: how signature blocks are read. */
  signatureVocabulary?: SignatureVocabulary;
  migration: CompiledMigrationItem[];
}

const validators = new WeakMap<object, ValidateFunction>();
let ajv: Ajv | undefined; // created on first validation: a pack read from its build-time snapshot needs none

function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    ajv ??= createAjv();
    // The same schema may arrive as another object with the same $id (read twice from disk).
    const id = (schema as { $id?: string }).$id;
    validate = (id && ajv.getSchema(id)) || ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

export function loadPack(text: string, file: string, packSchema: object): CompiledPack {
  return compilePack(validatePack(text, file, packSchema), file);
}

/** Parses and validates a pack: every check that can fail, with file:line:column. */
export function validatePack(text: string, file: string, packSchema: object): RulePack {
  const { frontMatter, problems } = parseYaml(text.replace(/\r\n?/g, '\n'), 0);
  const fail = (path: (string | number)[], problem: string): never => {
    const { place } = locatePath(frontMatter, path);
    throw new PackError(file, place.line, place.column, formatPath(path), problem);
  };
  if (problems.length) {
    const first = problems[0]!;
    throw new PackError(file, first.line, first.column, '(yaml)', first.message);
  }
  const data = frontMatter.data;
  if (!data) return fail([], 'a pack must be a mapping with `pack`, `edition` and `rules`');

  const validate = validatorFor(packSchema);
  if (!validate(data)) {
    const problem = describeErrors(validate)[0]!;
    return fail(problem.path, problem.message);
  }
  const pack = data as unknown as RulePack;

  pack.placeholders.forEach((source, i) => compileOrFail(source, ['placeholders', i], fail));
  for (const list of ['posts', 'organisations'] as const) {
    pack.signatories?.[list].forEach((entry, i) => compileOrFail(entry.match, ['signatories', list, i, 'match'], fail, signaturePattern));
  }
  const seen = new Set<string>();
  pack.rules.forEach((rule, r) => {
    for (const kind of rule.kinds) {
      const key = `${rule.element}|${kind}`;
      if (seen.has(key)) fail(['rules', r, 'element'], `element "${rule.element}" is defined twice for kind ${kind}`);
      seen.add(key);
    }
    rule.checks.forEach((check, c) => {
      const { kind, ...options } = check;
      if (!isCheckKind(kind)) {
        fail(['rules', r, 'checks', c, 'kind'], `unknown kind "${kind}"; expected one of ${Object.keys(checkKinds).join(', ')}`);
        return;
      }
      const validateOptions = validatorFor(checkKinds[kind].optionsSchema);
      if (!validateOptions(options)) {
        const problem = describeErrors(validateOptions)[0]!;
        fail(['rules', r, 'checks', c, ...problem.path], `${problem.message.replace('the document', `options of ${kind}`)}`);
      }
      if (kind === 'present' && !rule.detect) fail(['rules', r], 'a `present` check needs `detect` data');
    });
    if (rule.detect) checkDetection(rule.detect, ['rules', r, 'detect'], fail);
  });
  (pack.migration ?? []).forEach((item, m) => {
    (item.values ?? []).forEach((v, i) => compileOrFail(v.pattern, ['migration', m, 'values', i, 'pattern'], fail));
    if (item.detect) checkDetection(item.detect, ['migration', m, 'detect'], fail);
    else if (!pack.rules.some((rule) => rule.element === item.element && rule.kinds.includes('arrangements') && rule.detect)) {
      fail(['migration', m, 'element'], `no rule for arrangements with detection has element "${item.element}"`);
    }
  });
  return pack;
}

/**
 * A pack that passed validatePack (now, or when the build snapshotted it) → patterns compiled.
 * Detection is compiled on first use: a run compiles only the packs of the editions it meets.
 */
export function compilePack(pack: RulePack, file: string): CompiledPack {
  const rules = pack.rules.map((rule): CompiledRule =>
    lazy({ ...rule, ruleId: `${pack.pack}/${rule.element}` }, 'detection', () => (rule.detect ? compileDetection(rule.detect) : null)),
  );
  const migration = (pack.migration ?? []).map((item): CompiledMigrationItem => {
    const valuePatterns = (item.values ?? []).map((v) => ({ field: v.field, pattern: compilePattern(v.pattern) }));
    return lazy({ ...item, valuePatterns }, 'detection', () =>
      item.detect
        ? compileDetection(item.detect)
        : rules.find((rule) => rule.element === item.element && rule.kinds.includes('arrangements') && rule.detection)!.detection!,
    );
  });
  const compiled: CompiledPack = { ...pack, file, rules, placeholderPatterns: pack.placeholders.map(compilePattern), migration };
  if (pack.signatories) compiled.signatureVocabulary = compileSignatories(pack.signatories);
  return compiled;
}

/** Signature blocks print names, posts and organisations capitalised: their patterns are case-sensitive. */
function signaturePattern(source: string): RegExp {
  return new RegExp(source, 'u');
}

function compileSignatories(signatories: Signatories): SignatureVocabulary {
  return {
    posts: signatories.posts.map(({ match, partner }) => ({ pattern: signaturePattern(match), ...(partner !== undefined && { partner }) })),
    organisations: signatories.organisations.map(({ match, partner }) => ({ pattern: signaturePattern(match), partner })),
  };
}

/** `target` with `key` computed by `make` on first read, then kept (an ordinary enumerable property to readers). */
function lazy<T extends object, K extends string, V>(target: T, key: K, make: () => V): T & Record<K, V> {
  let value: V;
  let made = false;
  const get = (): V => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
  return Object.defineProperty(target, key, { get, enumerable: true, configurable: true }) as T & Record<K, V>;
}

function checkDetection(detect: Detection, at: (string | number)[], fail: (path: (string | number)[], problem: string) => never): void {
  for (const key of ['headings', 'exclude', 'mentions'] as const) {
    detect[key]?.forEach((source, i) => compileOrFail(source, [...at, key, i], fail));
  }
  for (const key of ['sentences', 'section', 'partial', 'qualify'] as const) {
    detect[key]?.forEach((cue, i) => cue.all.forEach((source, j) => compileOrFail(source, [...at, key, i, 'all', j], fail)));
  }
}

function compileOrFail(source: string, path: (string | number)[], fail: (path: (string | number)[], problem: string) => never, compile = compilePattern): RegExp {
  try {
    return compile(source);
  } catch (error) {
    return fail(path, `invalid pattern ${JSON.stringify(source)}: ${(error as Error).message}`);
  }
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '') || '(root)';
}
