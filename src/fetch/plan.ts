// From a manifest to the place of every document in DIR: a folder per area (its name as a
// slug) and a name per URL (from the URL's last path segment). Stable across runs, so a
// re-run finds the copy and sidecar it wrote before. Pure.
import type { UrlEntry } from './types.js';

/** A local document shared with other areas (`covers`), kept as it is. */
export interface LocalShared {
  path: string;
  covers: string[];
}

/** A manifest area as fetch sees it: local paths kept as they are, URL entries to fetch. */
export interface ManifestArea {
  name: string;
  files: (string | LocalShared | UrlEntry)[];
}

export interface PlannedDocument {
  area: string;
  /** The area's folder below DIR. */
  folder: string;
  /** The file name without its extension (that comes from the content). */
  name: string;
  entry: UrlEntry;
}

export interface PlannedArea {
  name: string;
  folder: string;
  /** In manifest order: a local path (relative to the source manifest) or a document to fetch. */
  files: ({ path: string; covers?: string[] } | { fetch: PlannedDocument })[];
}

const MAX_SLUG = 60;

/** Lower-case ASCII letters and digits joined by single hyphens; accents dropped. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** The name a URL's document is saved under: its last path segment without an extension, else the host. */
export function nameFromUrl(url: URL): string {
  const segments = url.pathname.split('/').filter(Boolean);
  let last = segments.at(-1) ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // a malformed escape: the segment as written
  }
  const stem = last.replace(/\.[a-z0-9]{1,5}$/i, '');
  return slugify(stem, slugify(url.hostname, 'document'));
}

/** Makes `base` unique among `taken` by adding -2, -3, … */
function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

export function planFetch(areas: ManifestArea[]): PlannedArea[] {
  const folders = new Set<string>(['areas']); // never a folder a reader could take for the manifest
  return areas.map((area) => {
    const folder = unique(slugify(area.name, 'area'), folders);
    const names = new Set<string>();
    const files = area.files.map((file) => {
      if (typeof file === 'string') return { path: file };
      if ('path' in file) return { path: file.path, covers: file.covers };
      const name = unique(nameFromUrl(new URL(file.url)), names);
      return { fetch: { area: area.name, folder, name, entry: file } };
    });
    return { name: area.name, folder, files };
  });
}
