// Reads the bundled rule packs and schemas from the package (the core never opens files).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPack, type CompiledPack } from '../pack/load.js';
import { createLinter, type DocumentSchemas, type Linter } from '../lint.js';
import { DOCUMENT_KINDS } from '../types.js';

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
    cached = createLinter(packs, loadDocumentSchemas(packs.map((p) => p.edition)));
  }
  return cached;
}

/** The texts a linter is built from (packs, then schemas), in a fixed order: what --cache keys on. */
export function resourceTexts(): string[] {
  const files = PACK_IDS.map((id) => `rules/${id}.yaml`);
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
