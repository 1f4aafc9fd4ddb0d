#!/usr/bin/env node
// After tsc: snapshot the validated rule packs and their phrase sets, and compile the document schemas to standalone
// Ajv code under dist/precompiled/, so wtlint starts without parsing, validating or compiling
// them (see src/engine/precompiled.ts; snapshots are used only while their source texts match).
import {
  PACK_IDS,
  PHRASES_FILE,
  PHRASES_SCHEMA_FILE,
  BANK_HOLIDAYS_FILE,
  BANK_HOLIDAYS_SCHEMA_FILE,
  INFERENCE_FILE,
  INFERENCE_SCHEMA_FILE,
  documentSchemaTexts,
} from '../dist/src/engine/resources.js';
import { writePrecompiled } from '../dist/src/engine/precompiled.js';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const read = (file) => readFileSync(new URL(file, root), 'utf8');
const packs = PACK_IDS.map((id) => ({ id, text: read(`rules/${id}.yaml`) }));
const editions = packs.map(({ text }) => String(/^edition:\s*['"]?(\d+)/m.exec(text)?.[1]));
const schemas = documentSchemaTexts(editions);
const written = await writePrecompiled({
  packs,
  packSchemaText: read('schemas/rule-pack.schema.json'),
  phrases: { file: PHRASES_FILE, text: read(PHRASES_FILE), schemaText: read(PHRASES_SCHEMA_FILE) },
  sharedTexts: schemas.shared,
  schemas: Object.entries(schemas.byKind).map(([key, text]) => ({ key, text })),
  bankHolidays: { file: BANK_HOLIDAYS_FILE, text: read(BANK_HOLIDAYS_FILE), schemaText: read(BANK_HOLIDAYS_SCHEMA_FILE) },
  inference: { file: INFERENCE_FILE, text: read(INFERENCE_FILE), schemaText: read(INFERENCE_SCHEMA_FILE) },
});
process.stdout.write(`precompiled: ${written.join(', ')}\n`);
