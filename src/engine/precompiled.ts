// Build-time snapshots that keep start-up cheap (the targets in docs/startup.md): each rule pack parsed and validated
// (dist/precompiled/<pack>.json), the phrase sets they name (dist/precompiled/phrases.json), the bank
// holiday calendar parsed and validated (dist/precompiled/bank-holidays.json), and each document JSON Schema compiled by Ajv to standalone
// code (dist/precompiled/<edition>-<kind>.cjs). Written by `npm run build` (scripts/precompile.mjs).
// A snapshot is used only when its key, a hash of the very texts it was made from, matches the
// installed ones; otherwise wtlint parses, validates and compiles at run time as before, so an
// edited pack or schema is never judged by a stale snapshot.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { checkKinds } from '../check/kinds/index.js';
import type { RulePack } from '../pack/types.js';
import type { Vocabulary } from '../pack/phrases.js';
import type { BankHolidayCalendar } from '../reference/calendar.js';
import type { InferenceRules } from '../reference/inference-rules.js';
import { packageRoot } from './package-root.js';

export const PRECOMPILED_DIR = 'dist/precompiled';
const MANIFEST = 'manifest.json';

interface Manifest {
  /** Pack id → key of the texts it was validated from. */
  packs: Record<string, string>;
  /** "<edition>/<kind>" → key of the schema texts it was compiled from. */
  schemas: Record<string, string>;
  /** Key of the phrase texts (rules/phrases.yaml, its schema) the vocabulary snapshot was made from. */
  phrases?: string;
  /** Key of the bank holiday texts (calendar, its schema) the calendar snapshot was made from. */
  bankHolidays?: string;
  /** Key of the inference rule texts (rules, schema, and the phrase texts whose sets they name) the inference snapshot was made from. */
  inference?: string;
}

const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/** A pack's validity depends on its text, the pack schema, the phrase texts it names sets of, and the check kinds' option schemas. */
export function packKey(packText: string, packSchemaText: string, phraseTexts: PhraseTexts): string {
  const optionSchemas = JSON.stringify(Object.entries(checkKinds).map(([kind, check]) => [kind, check.optionsSchema]));
  return sha256(packText, packSchemaText, phraseTexts.text, phraseTexts.schemaText, optionSchemas);
}

/** rules/phrases.yaml and schemas/phrases.schema.json, as read. */
export interface PhraseTexts {
  text: string;
  schemaText: string;
}

export function schemaKey(sharedTexts: string[], schemaText: string): string {
  return sha256(...sharedTexts, schemaText);
}

let manifest: Manifest | null | undefined;

function readManifest(): Manifest | null {
  if (manifest === undefined) {
    try {
      manifest = JSON.parse(readFileSync(join(packageRoot, PRECOMPILED_DIR, MANIFEST), 'utf8')) as Manifest;
    } catch {
      manifest = null; // not built, or unreadable: everything is done at run time
    }
  }
  return manifest;
}

/** The validated pack data from the build, when it was made from exactly these texts. */
export function snapshotPack(id: string, packText: string, packSchemaText: string, phraseTexts: PhraseTexts): RulePack | undefined {
  const m = readManifest();
  return m && m.packs[id] === packKey(packText, packSchemaText, phraseTexts) ? readSnapshot<RulePack>(`${id}.json`) : undefined;
}

/** The validated phrase sets from the build, when they were made from exactly these texts. */
export function snapshotVocabulary({ text, schemaText }: PhraseTexts): Vocabulary | undefined {
  const m = readManifest();
  return m && m.phrases === sha256(text, schemaText) ? readSnapshot<Vocabulary>(PHRASES_SNAPSHOT) : undefined;
}

/** A JSON snapshot of dist/precompiled, or undefined when it cannot be read. */
function readSnapshot<T>(name: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(packageRoot, PRECOMPILED_DIR, name), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

const PHRASES_SNAPSHOT = 'phrases.json';

/** The validated bank holiday calendar from the build, when it was made from exactly these texts. */
export function snapshotBankHolidays(text: string, schemaText: string): BankHolidayCalendar | undefined {
  const m = readManifest();
  return m && m.bankHolidays === sha256(text, schemaText) ? readSnapshot<BankHolidayCalendar>(BANK_HOLIDAYS_SNAPSHOT) : undefined;
}

const BANK_HOLIDAYS_SNAPSHOT = 'bank-holidays.json';
const INFERENCE_SNAPSHOT = 'inference.json';

/** The inference rules' validity depends on their text, their schema, and the phrase texts whose sets they name. */
const inferenceKey = (text: string, schemaText: string, phraseTexts: PhraseTexts) =>
  sha256(text, schemaText, phraseTexts.text, phraseTexts.schemaText);

/** The validated inference rules from the build (named sets put in place), when made from exactly these texts. */
export function snapshotInferenceRules(text: string, schemaText: string, phraseTexts: PhraseTexts): InferenceRules | undefined {
  const m = readManifest();
  if (!m || m.inference !== inferenceKey(text, schemaText, phraseTexts)) return undefined;
  try {
    return JSON.parse(readFileSync(join(packageRoot, PRECOMPILED_DIR, INFERENCE_SNAPSHOT), 'utf8')) as InferenceRules;
  } catch {
    return undefined;
  }
}

const require = createRequire(import.meta.url);

/** The standalone validator from the build for "<edition>/<kind>", when made from exactly these texts. */
export function precompiledValidator(key: string, sharedTexts: string[], schemaText: string): ValidateFunction | undefined {
  const m = readManifest();
  if (!m || m.schemas[key] !== schemaKey(sharedTexts, schemaText)) return undefined;
  const file = join(packageRoot, PRECOMPILED_DIR, `${key.replace('/', '-')}.cjs`);
  if (!existsSync(file)) return undefined;
  return require(file) as ValidateFunction;
}

export interface Sources {
  packs: { id: string; text: string }[];
  packSchemaText: string;
  phrases: PhraseTexts & { file: string };
  sharedTexts: string[];
  schemas: { key: string; text: string }[];
  bankHolidays: { file: string; text: string; schemaText: string };
  inference: { file: string; text: string; schemaText: string };
}

/** Build step: validates every pack (an invalid one fails the build) and compiles every schema. */
export async function writePrecompiled(sources: Sources): Promise<string[]> {
  const { loadVocabulary, validatePack } = await import('../pack/load.js');
  const { withSources } = await import('../pack/phrases.js');
  const { createAjv } = await import('../schema-validator.js');
  const { loadBankHolidays } = await import('../reference/load.js');
  const { loadInferenceRules } = await import('../reference/inference-rules.js');
  type Standalone = (ajv: unknown, validate: ValidateFunction) => string;
  // CommonJS under NodeNext: the function is the default export, or that export's `default`.
  const imported = (await import('ajv/dist/standalone/index.js')).default as unknown as Standalone | { default: Standalone };
  const standaloneCode = typeof imported === 'function' ? imported : imported.default;
  const dir = join(packageRoot, PRECOMPILED_DIR);
  mkdirSync(dir, { recursive: true });
  const out: Manifest = { packs: {}, schemas: {} };
  const written: string[] = [];
  const { phrases } = sources;
  const vocabulary = loadVocabulary(phrases.text, phrases.file, JSON.parse(phrases.schemaText) as object);
  writeFileSync(join(dir, PHRASES_SNAPSHOT), JSON.stringify(withSources(vocabulary)));
  out.phrases = sha256(phrases.text, phrases.schemaText);
  written.push(PHRASES_SNAPSHOT);
  for (const { id, text } of sources.packs) {
    const pack = validatePack(text.replace(/\r\n?/g, '\n'), `rules/${id}.yaml`, JSON.parse(sources.packSchemaText) as object, vocabulary);
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(pack));
    out.packs[id] = packKey(text, sources.packSchemaText, phrases);
    written.push(`${id}.json`);
  }
  for (const { key, text } of sources.schemas) {
    const ajv = createAjv({ source: true });
    for (const shared of sources.sharedTexts) ajv.addSchema(JSON.parse(shared) as object);
    const validate = ajv.compile(JSON.parse(text) as object);
    const name = `${key.replace('/', '-')}.cjs`;
    writeFileSync(
      join(dir, name),
      `// Generated by scripts/precompile.mjs from schemas/${key}.schema.json. Do not edit.\n${standaloneCode(ajv, validate)}\n`,
    );
    out.schemas[key] = schemaKey(sources.sharedTexts, text);
    written.push(name);
  }
  const holidays = sources.bankHolidays;
  const calendar = loadBankHolidays(holidays.text, holidays.file, JSON.parse(holidays.schemaText) as object);
  writeFileSync(join(dir, BANK_HOLIDAYS_SNAPSHOT), JSON.stringify(calendar));
  out.bankHolidays = sha256(holidays.text, holidays.schemaText);
  written.push(BANK_HOLIDAYS_SNAPSHOT);
  const inference = sources.inference;
  writeFileSync(
    join(dir, INFERENCE_SNAPSHOT),
    JSON.stringify(loadInferenceRules(inference.text, inference.file, JSON.parse(inference.schemaText) as object, vocabulary)),
  );
  out.inference = inferenceKey(inference.text, inference.schemaText, phrases);
  written.push(INFERENCE_SNAPSHOT);
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(out, null, 2)}\n`);
  manifest = undefined;
  return written;
}
