// Reads the bundled rule packs and schemas from the package (the core never opens files).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compilePack, loadPack, loadVocabulary, type CompiledPack } from '../pack/load.js';
import {
  precompiledValidator,
  snapshotBankHolidays,
  snapshotInferenceRules,
  snapshotPack,
  snapshotVocabulary,
  type PhraseTexts,
} from './precompiled.js';
import { createLinter, type DocumentSchemas, type Linter } from '../lint.js';
import { DOCUMENT_KINDS } from '../types.js';
import { loadBankHolidays } from '../reference/load.js';
import { loadInferenceRules } from '../reference/inference-rules.js';
import type { ReferenceData } from '../reference/types.js';
import type { Vocabulary } from '../pack/phrases.js';
import { packageRoot, readJson } from './package-root.js';

export { packageRoot, readJson, packageVersion } from './package-root.js';

/** The packs wtlint ships, newest last: an explicit list, never a directory scan. */
export const PACK_IDS = ['wt2018', 'wt2023'] as const;

const readText = (relative: string): string => readFileSync(join(packageRoot, relative), 'utf8');

/** The phrase sets every pack names (src/pack/phrases.ts), and their schema. */
export const PHRASES_FILE = 'rules/phrases.yaml';
export const PHRASES_SCHEMA_FILE = 'schemas/phrases.schema.json';

const phraseTexts = (): PhraseTexts => ({ text: readText(PHRASES_FILE), schemaText: readText(PHRASES_SCHEMA_FILE) });

/** The phrase sets, from the build's snapshot when it was made from these very texts, else validated now. */
const vocabularyOf = (phrases: PhraseTexts): Vocabulary =>
  snapshotVocabulary(phrases) ?? loadVocabulary(phrases.text, PHRASES_FILE, JSON.parse(phrases.schemaText) as object);

export function loadBundledPacks(): CompiledPack[] {
  const packSchemaText = readText('schemas/rule-pack.schema.json');
  const phrases = phraseTexts();
  const vocabulary = vocabularyOf(phrases);
  return PACK_IDS.map((id) => {
    const file = `rules/${id}.yaml`;
    const text = readText(file);
    const snapshot = snapshotPack(id, text, packSchemaText, phrases);
    return snapshot ? compilePack(snapshot, file, vocabulary) : loadPack(text, file, JSON.parse(packSchemaText) as object, vocabulary);
  });
}

/** The texts of the document schemas: shared definitions, and "<edition>/<kind>" → schema. */
export function documentSchemaTexts(editions: string[]): { shared: string[]; byKind: Record<string, string> } {
  const byKind: Record<string, string> = {};
  for (const edition of editions) {
    for (const kind of DOCUMENT_KINDS) {
      const file = `schemas/${edition}/${kind}.schema.json`;
      if (existsSync(join(packageRoot, file))) byKind[`${edition}/${kind}`] = readText(file);
    }
  }
  return { shared: [readText('schemas/defs.schema.json')], byKind };
}

export function loadDocumentSchemas(editions: string[]): DocumentSchemas {
  const texts = documentSchemaTexts(editions);
  const byKind = Object.fromEntries(Object.entries(texts.byKind).map(([key, text]) => [key, JSON.parse(text) as object]));
  return {
    shared: texts.shared.map((text) => JSON.parse(text) as object),
    byKind,
    precompiled: (key) => (texts.byKind[key] === undefined ? undefined : precompiledValidator(key, texts.shared, texts.byKind[key]!)),
  };
}

let cached: Linter | undefined;

export function bundledLinter(): Linter {
  if (!cached) {
    const packs = loadBundledPacks();
    cached = createLinter(packs, loadDocumentSchemas(packs.map((p) => p.edition)), loadReferenceData());
  }
  return cached;
}

/** The texts a linter is built from (packs, then schemas), in a fixed order: what --cache keys on. */
export function resourceTexts(): string[] {
  const files: string[] = [...PACK_IDS.map((id) => `rules/${id}.yaml`), ...RULE_DATA_FILES];
  const schemaDir = join(packageRoot, 'schemas');
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.json')) files.push(`schemas/${prefix}${entry.name}`);
    }
  };
  walk(schemaDir, '');
  return files.map((file) => `${file}\n${readFileSync(join(packageRoot, file), 'utf8')}`);
}

/** The bank holiday calendar for counting working days (practice review deadlines). */
export const BANK_HOLIDAYS_FILE = 'rules/bank-holidays-england-and-wales.yaml';

export const BANK_HOLIDAYS_SCHEMA_FILE = 'schemas/bank-holidays.schema.json';

export function loadReferenceData(): ReferenceData {
  const text = readText(BANK_HOLIDAYS_FILE);
  const schemaText = readText(BANK_HOLIDAYS_SCHEMA_FILE);
  // The build validated this very calendar (dist/precompiled); otherwise validate it now.
  const bankHolidays =
    snapshotBankHolidays(text, schemaText) ?? loadBankHolidays(text, BANK_HOLIDAYS_FILE, JSON.parse(schemaText) as object);
  const inferenceText = readText(INFERENCE_FILE);
  const inferenceSchema = readText(INFERENCE_SCHEMA_FILE);
  // The inference rules name phrase sets; the vocabulary is read only when the snapshot is stale.
  const phrases = phraseTexts();
  const inference =
    snapshotInferenceRules(inferenceText, inferenceSchema, phrases) ??
    loadInferenceRules(inferenceText, INFERENCE_FILE, JSON.parse(inferenceSchema) as object, vocabularyOf(phrases));
  return { bankHolidays, inference };
}

/** What is weighed to tell a document's kind and edition from its text. */
export const INFERENCE_FILE = 'rules/inference.yaml';

export const INFERENCE_SCHEMA_FILE = 'schemas/inference.schema.json';

/** The rule files beside the packs that change what they find (audit's provenance names each with its hash). */
export const RULE_DATA_FILES = [PHRASES_FILE, BANK_HOLIDAYS_FILE, INFERENCE_FILE];
