// Reads the bundled rule packs and schemas from the package (the core never opens files).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPack, type CompiledPack } from '../pack/load.js';
import { createLinter, type DocumentSchemas, type Linter } from '../lint.js';
import { DOCUMENT_KINDS } from '../types.js';
import { loadBankHolidays } from '../reference/load.js';
import type { ReferenceData } from '../reference/types.js';

/** The packs wtlint ships, newest last: an explicit list, never a directory scan. */
export const PACK_IDS = ['wt2018', 'wt2023'] as const;

export const packageRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'rules')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`wtlint cannot find its rules/ folder above ${start}; reinstall wtlint`);
    dir = parent;
  }
}

export function readJson(relative: string): object {
  return JSON.parse(readFileSync(join(packageRoot, relative), 'utf8')) as object;
}

export function packageVersion(): string {
  return (readJson('package.json') as { version: string }).version;
}

export function loadBundledPacks(): CompiledPack[] {
  const packSchema = readJson('schemas/rule-pack.schema.json');
  return PACK_IDS.map((id) => {
    const file = `rules/${id}.yaml`;
    return loadPack(readFileSync(join(packageRoot, file), 'utf8'), file, packSchema);
  });
}

export function loadDocumentSchemas(editions: string[]): DocumentSchemas {
  const byKind: Record<string, object> = {};
  for (const edition of editions) {
    for (const kind of DOCUMENT_KINDS) {
      const file = `schemas/${edition}/${kind}.schema.json`;
      if (existsSync(join(packageRoot, file))) byKind[`${edition}/${kind}`] = readJson(file);
    }
  }
  return { shared: [readJson('schemas/defs.schema.json')], byKind };
}

let cached: Linter | undefined;

export function bundledLinter(): Linter {
  if (!cached) {
    const packs = loadBundledPacks();
    cached = createLinter(packs, loadDocumentSchemas(packs.map((p) => p.edition)), loadReferenceData());
  }
  return cached;
}

/** The bank holiday calendar for counting working days (practice review deadlines). */
export const BANK_HOLIDAYS_FILE = 'rules/bank-holidays-england-and-wales.yaml';

export function loadReferenceData(): ReferenceData {
  const text = readFileSync(join(packageRoot, BANK_HOLIDAYS_FILE), 'utf8');
  return { bankHolidays: loadBankHolidays(text, BANK_HOLIDAYS_FILE, readJson('schemas/bank-holidays.schema.json')) };
}
