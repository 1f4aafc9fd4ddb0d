// Pack text → a validated, compiled pack. Every mistake names file:line:column and
// the field (Spectral's RulesetValidationError, Vale's E201): an invalid pack never runs.
import type { Ajv, ValidateFunction } from 'ajv';
import { createAjv, describeErrors } from '../schema-validator.js';
import { parseYaml } from '../parse/front-matter.js';
import { parseMessageText } from '../reserved.js';
import { locatePath } from '../parse/locate.js';
import { checkKinds, isCheckKind } from '../check/kinds/index.js';
import { PackRegExp } from './regex.js';
import { compileDetection, compilePattern, placeholderMatcher, type CompiledDetection, type Matcher } from '../extract/detection.js';
import type { SignatureVocabulary } from '../parse/plain/signatures.js';
import type { CheckSpec, Detection, MigrationItem, Rule, RulePack, Signatories } from './types.js';
import { PackError } from './errors.js';
import { checkPhraseList, expandSets, itemProblem, setSource, unknownSet, type Vocabulary } from './phrases.js';
import { mapPhraseLists } from '../check/phrase-lists.js';

export { PackError } from './errors.js';

export interface CompiledRule extends Rule {
  ruleId: string;
  detection: CompiledDetection | null;
}

export interface CompiledMigrationItem extends MigrationItem {
  detection: CompiledDetection;
  valuePatterns: { field: string; pattern: PackRegExp }[];
}

export interface CompiledPack extends Omit<RulePack, 'rules' | 'migration'> {
  file: string;
  rules: CompiledRule[];
  /** Tests a block's trimmed text: does it only hold a place? */
  placeholderMatcher: Matcher;
  /** The pack's `signatories`, compiled: how signature blocks are read. */
  signatureVocabulary?: SignatureVocabulary;
  migration: CompiledMigrationItem[];
  /** The phrase sets the pack's detection names (for `wtlint explain`). */
  vocabulary: Vocabulary;
}

type Fail = (path: (string | number)[], problem: string) => never;

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

export function loadPack(text: string, file: string, packSchema: object, vocabulary: Vocabulary): CompiledPack {
  return compilePack(validatePack(text, file, packSchema, vocabulary), file, vocabulary);
}

/** A YAML file parsed and checked against its schema; `fail` reports a later problem at a path of it. */
/**
 * One of wtlint's own data files (a pack, the phrases, reference data): YAML parsed with positions and
 * validated against its schema. `fail` throws a PackError at a path's place, the path written by `pathOf`.
 */
export function readValidated(
  text: string,
  file: string,
  schema: object,
  shape: string,
  pathOf: (path: (string | number)[]) => string = formatPath,
): { data: unknown; fail: Fail } {
  const { frontMatter, problems } = parseYaml(text.replace(/\r\n?/g, '\n'), 0);
  const fail: Fail = (path, problem) => {
    const { place } = locatePath(frontMatter, path);
    throw new PackError(file, place.line, place.column, pathOf(path), problem);
  };
  if (problems.length) {
    const first = problems[0]!;
    throw new PackError(file, first.line, first.column, '(yaml)', parseMessageText(first));
  }
  const data = frontMatter.data;
  if (!data) return fail([], `${shape} must be a mapping`);
  const validate = validatorFor(schema);
  if (!validate(data)) {
    const problem = describeErrors(validate)[0]!;
    return fail(problem.path, problem.message);
  }
  return { data, fail };
}

/** Parses and validates rules/phrases.yaml: every phrase and pattern must compile. */
export function loadVocabulary(text: string, file: string, phrasesSchema: object): Vocabulary {
  const { data, fail } = readValidated(text, file, phrasesSchema, 'the phrase file');
  const vocabulary = data as Vocabulary;
  for (const [name, set] of Object.entries(vocabulary.phrases)) {
    set.match.forEach((item, i) => {
      const problem = itemProblem(item);
      if (problem) fail(['phrases', name, 'match', i, ...(typeof item === 'string' ? [] : ['pattern'])], problem);
    });
  }
  return vocabulary;
}

/** Parses and validates a pack against the vocabulary it names: every check that can fail, with file:line:column. */
export function validatePack(text: string, file: string, packSchema: object, vocabulary: Vocabulary): RulePack {
  const { data, fail } = readValidated(text, file, packSchema, 'a pack with `pack`, `edition` and `rules`');
  const pack = data as RulePack;
  const known = (name: string, at: (string | number)[]) => {
    if (!Object.hasOwn(vocabulary.phrases, name)) fail(at, unknownSet(name, vocabulary));
  };
  for (const key of ['alone', 'starts', 'phrases'] as const)
    pack.placeholders[key]?.forEach((name, i) => known(name, ['placeholders', key, i]));
  for (const list of ['posts', 'organisations'] as const)
    pack.signatories?.[list].forEach((entry, i) => known(entry.phrases, ['signatories', list, i, 'phrases']));
  const seen = new Set<string>();
  pack.rules.forEach((rule, r) => {
    for (const kind of rule.applies_to) {
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
      mapPhraseLists(checkKinds[kind].optionsSchema, options, (list, at) =>
        checkPhraseList(list, vocabulary, (i, problem) => fail(['rules', r, 'checks', c, ...at, i], problem)),
      );
      if (kind === 'present' && !rule.detect) fail(['rules', r], 'a `present` check needs `detect` data');
    });
    const dates = rule.in_force;
    if (dates?.from && dates.until && dates.until <= dates.from)
      fail(['rules', r, 'in_force', 'until'], `until (${dates.until}) must be after from (${dates.from})`);
    if (rule.detect) checkDetection(rule.detect, ['rules', r, 'detect'], known);
  });
  (pack.migration ?? []).forEach((item, m) => {
    (item.values ?? []).forEach((v, i) => known(v.matches, ['migration', m, 'values', i, 'matches']));
    if (item.detect) checkDetection(item.detect, ['migration', m, 'detect'], known);
    else if (!pack.rules.some((rule) => rule.element === item.element && rule.applies_to.includes('arrangements') && rule.detect)) {
      fail(['migration', m, 'element'], `no rule for arrangements with detection has element "${item.element}"`);
    }
  });
  return pack;
}

/**
 * A pack that passed validatePack (now, or when the build snapshotted it) → patterns compiled.
 * Detection is compiled on first use: a run compiles only the packs of the editions it meets.
 */
export function compilePack(pack: RulePack, file: string, vocabulary: Vocabulary): CompiledPack {
  const source = sourcesOf(vocabulary);
  const compile = (detect: Detection) => compileDetection(resolveDetection(detect, source));
  // What a rule runs is made when it first runs: a check of one edition never pays for the other pack.
  const rules = pack.rules.map((rule): CompiledRule =>
    lazy(
      lazy({ ...rule, ruleId: `${pack.pack}/${rule.element}` }, 'checks', () =>
        rule.checks.map((check) => expandCheckSets(check, vocabulary)),
      ),
      'detection',
      () => (rule.detect ? compile(rule.detect) : null),
    ),
  );
  const migration = (pack.migration ?? []).map((item): CompiledMigrationItem =>
    lazy(
      lazy({ ...item }, 'valuePatterns', () =>
        (item.values ?? []).map((v) => ({ field: v.field, pattern: compilePattern(source(v.matches)) })),
      ),
      'detection',
      () =>
        item.detect
          ? compile(item.detect)
          : rules.find((rule) => rule.element === item.element && rule.applies_to.includes('arrangements') && rule.detection)!.detection!,
    ),
  );
  const { alone = [], starts = [], short = 0, phrases = [] } = pack.placeholders;
  const compiled = lazy({ ...pack, file, rules, migration, vocabulary }, 'placeholderMatcher', () =>
    placeholderMatcher({ alone: alone.map(source), starts: starts.map(source), short, phrases: phrases.map(source) }),
  );
  return pack.signatories ? lazy(compiled, 'signatureVocabulary', () => compileSignatories(pack.signatories!, source)) : compiled;
}

function compileSignatories(signatories: Signatories, source: (name: string) => string): SignatureVocabulary {
  return {
    posts: signatories.posts.map(({ phrases, partner }) => ({
      pattern: new PackRegExp(source(phrases), 'giu'), // scanned with matchAll
      ...(partner !== undefined && { partner }),
    })),
    organisations: signatories.organisations.map(({ phrases, partner }) => ({ pattern: new PackRegExp(source(phrases), 'giu'), partner })),
  };
}

/** A check's options with each `{ set: name }` of its phrase lists replaced by the set's items. */
function expandCheckSets(check: CheckSpec, vocabulary: Vocabulary): CheckSpec {
  const { kind } = check;
  if (!isCheckKind(kind)) return check;
  return mapPhraseLists(checkKinds[kind].optionsSchema, check, (list) => expandSets(list, vocabulary)) as CheckSpec;
}

/** Set name → its regular expression source, each built once per vocabulary. */
const sourceCache = new WeakMap<Vocabulary, (name: string) => string>();
function sourcesOf(vocabulary: Vocabulary): (name: string) => string {
  let source = sourceCache.get(vocabulary);
  if (!source) {
    const built = new Map<string, string>();
    source = (name) => {
      let s = built.get(name);
      if (s === undefined) built.set(name, (s = vocabulary.sources?.[name] ?? setSource(vocabulary.phrases[name]!)));
      return s;
    };
    sourceCache.set(vocabulary, source);
  }
  return source;
}

/** Detection as written (set names) → the same shape holding each set's regular expression source. */
function resolveDetection(detect: Detection, source: (name: string) => string): Detection {
  const cues = (list: Detection['sentences']) => list?.map((cue) => ({ all: cue.all.map(source) }));
  return {
    ...(detect.fields && { fields: detect.fields }),
    ...(detect.headings && { headings: detect.headings.map(source) }),
    ...(detect.sentences && { sentences: cues(detect.sentences) }),
    ...(detect.section && { section: cues(detect.section) }),
    ...(detect.partial && { partial: cues(detect.partial) }),
    ...(detect.qualify && { qualify: cues(detect.qualify) }),
    ...(detect.exclude && { exclude: detect.exclude.map(source) }),
    ...(detect.mentions && { mentions: detect.mentions.map(source) }),
    ...(detect.signed_by && { signed_by: detect.signed_by }),
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

function checkDetection(detect: Detection, at: (string | number)[], known: (name: string, at: (string | number)[]) => void): void {
  for (const key of ['headings', 'exclude', 'mentions'] as const) {
    detect[key]?.forEach((name, i) => known(name, [...at, key, i]));
  }
  for (const key of ['sentences', 'section', 'partial', 'qualify'] as const) {
    detect[key]?.forEach((cue, i) => cue.all.forEach((name, j) => known(name, [...at, key, i, 'all', j])));
  }
}

/** A path as reference data's errors give it: dates.8.date. */
export const dottedPath = (path: (string | number)[]): string => path.join('.') || '(root)';

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '') || '(root)';
}
