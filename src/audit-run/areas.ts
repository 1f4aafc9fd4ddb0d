// Which areas an audit covers and which documents each holds: the subfolders of the
// audit folder (one area each), or the areas named in its areas.yaml manifest.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { findDocuments, isDocumentName, toDisplayPath } from '../engine/files.js';
import { UsageError } from '../engine/errors.js';
import { readYamlFile } from '../engine/yaml-file.js';
import { locatePath } from '../parse/locate.js';
import type { FrontMatter } from '../parse/front-matter.js';
import type { AuditTask } from './file.js';
import type { FetchFailure, UrlEntry } from '../fetch/types.js';

export const MANIFEST = 'areas.yaml';

export interface AreaSource {
  name: string;
  tasks: AuditTask[];
}

export interface AreaDiscovery {
  root: string;
  manifest: string | null;
  areas: AreaSource[];
  /** Documents directly in the audit folder, outside any area (reported, not audited). */
  loose: string[];
}

export interface DiscoveryOptions {
  /** An areas.yaml elsewhere than in the audit folder (--manifest). */
  manifest?: string;
  isIgnored?: (absolute: string) => boolean;
  /** Told the documents found so far after each area folder is walked (to start worker threads while the walk goes on). */
  onFound?: (documents: number) => void;
}

export function discoverAreas(
  dir: string,
  cwd: string,
  { manifest: manifestPath, isIgnored = () => false, onFound }: DiscoveryOptions = {},
): AreaDiscovery {
  const root = resolve(cwd, dir);
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new UsageError(`No such folder: ${dir}`, 'Give the folder that holds one subfolder per area (or an areas.yaml manifest).');
  }
  if (!st.isDirectory())
    throw new UsageError(`${dir} is not a folder`, 'Give the folder that holds one subfolder per area (or an areas.yaml manifest).');
  const manifest = manifestPath ? resolve(cwd, manifestPath) : existsSync(join(root, MANIFEST)) ? join(root, MANIFEST) : null;
  if (manifest) return { root, manifest: toDisplayPath(manifest, cwd), areas: readManifest(manifest, root, cwd), loose: [] };

  const areas: AreaSource[] = [];
  const loose: string[] = [];
  let found = 0;
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`Cannot read the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'Check its permissions.');
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(root, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue; // a dangling link or a link loop
      }
    }
    if (isDir) {
      const tasks = findDocuments([full], root, isIgnored).map((f) => ({ absolute: f.absolute, display: f.display }));
      areas.push({ name: entry.name, tasks });
      found += tasks.length;
      onFound?.(found);
    } else if (isDocumentName(entry.name)) {
      loose.push(entry.name);
    }
  }
  if (areas.length === 0)
    throw new UsageError(
      `No areas in ${dir}`,
      "Put each area's documents in a subfolder named for the area, or list the areas in an areas.yaml manifest.",
    );
  return { root, manifest: null, areas, loose };
}

function readManifest(file: string, root: string, cwd: string): AreaSource[] {
  const shown = toDisplayPath(file, cwd);
  const { frontMatter, data } = loadManifest(file, shown);
  const base = resolve(file, '..');
  const at = (path: (string | number)[]) => {
    const { place } = locatePath(frontMatter, path);
    return `${shown}:${place.line}:${place.column}`;
  };
  const index = new Map(data.areas.map((area, i) => [area.name, i]));
  const sources: AreaSource[] = data.areas.map((area) => ({ name: area.name, tasks: [] }));
  const add = (a: number, task: AuditTask) => {
    if (!sources[a]!.tasks.some((t) => t.absolute === task.absolute && t.display === task.display)) sources[a]!.tasks.push(task);
  };
  data.areas.forEach((area, i) => {
    area.files.forEach((entry, j) => {
      if (typeof entry === 'string') return add(i, taskFor(resolve(base, entry), root));
      if ('path' in entry) {
        const task = taskFor(resolve(base, entry.path), root);
        add(i, task);
        // A document shared by several areas (a child death overview panel's report, say) counts for each.
        entry.covers.forEach((name, c) => {
          const other = index.get(name);
          if (other === undefined) {
            throw new UsageError(
              `${at(['areas', i, 'files', j, 'covers', c])} "${name}" in \`covers\` is not an area of this manifest`,
              `Use the name of an area listed under \`areas:\` (${[...index.keys()].join(', ')}).`,
            );
          }
          add(other, task);
        });
        return;
      }
      if (!entry.failed) {
        throw new UsageError(
          `${at(['areas', i, 'files', j])} names a URL (${entry.url}); audit reads documents from disk`,
          `Fetch them first: wtlint fetch ${shown} --into DIR, then wtlint audit DIR.`,
        );
      }
      // Written by wtlint fetch: a document it could not fetch, with the copy of an earlier run when there is one.
      const unfetched = { url: entry.url!, kind: entry.kind ?? null, failure: entry.failed };
      add(i, entry.file ? { ...taskFor(resolve(base, entry.file), root), unfetched } : { absolute: '', display: entry.url!, unfetched });
    });
  });
  return sources;
}

/** Reads and validates a manifest (areas.yaml): schema, and each area named once. Mistakes are UsageErrors at file:line:column. */
export function loadManifest(file: string, shown: string): { frontMatter: FrontMatter; data: ManifestData } {
  const { frontMatter, data } = readYamlFile(file, shown, 'schemas/manifest.schema.json', {
    what: 'manifest',
    unreadable: 'Check the path and its permissions.',
    yaml: 'Fix the YAML of the manifest.',
    schema: MANIFEST_SHAPE,
  });
  const manifest = data as unknown as ManifestData;
  const names = new Set<string>();
  manifest.areas.forEach((area, i) => {
    if (names.has(area.name)) {
      const { place } = locatePath(frontMatter, ['areas', i, 'name']);
      throw new UsageError(`${shown}:${place.line}:${place.column} area "${area.name}" is named twice`, 'Give each area one entry.');
    }
    names.add(area.name);
  });
  return { frontMatter, data: manifest };
}

export const MANIFEST_SHAPE =
  'A manifest is `areas:`, a list of `{ name, files }`; each file is a path relative to the manifest, `{ path, covers: [area names] }` for a document shared with other areas, or `{ url, kind?, edition?, published?, period? }` for wtlint fetch.';

/** A manifest as its schema allows it. */
export interface ManifestData {
  areas: { name: string; files: (string | SharedEntry | ManifestEntry)[] }[];
}

/** A document shared with other areas (a child death overview panel's report for several areas). */
export interface SharedEntry {
  path: string;
  covers: string[];
}

/** A `{ url: … }` entry; in a manifest written by wtlint fetch, also a failure and the copy kept. */
export type ManifestEntry = Partial<UrlEntry> & { file?: string; failed?: FetchFailure };

function taskFor(absolute: string, root: string): AuditTask {
  const rel = relative(root, absolute);
  return { absolute, display: (rel.startsWith('..') ? absolute : rel).split(sep).join('/') };
}
