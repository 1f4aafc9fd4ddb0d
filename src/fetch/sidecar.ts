// The sidecar written beside a fetched document (<name>.<ext>.yaml): the manifest's
// metadata, which audit reads as the document's front matter, and `source`, where and when
// it was fetched. Pure: text in, text out.
import { parse, stringify } from 'yaml';
import type { EntryMeta, SourceRecord } from './types.js';

const SOURCE_KEYS: (keyof SourceRecord)[] = [
  'url',
  'final_url',
  'retrieved',
  'status',
  'content_type',
  'etag',
  'last_modified',
  'sha256',
  'bytes',
];

export function sidecarText(meta: EntryMeta, source: SourceRecord): string {
  const data: Record<string, unknown> = {};
  for (const key of ['kind', 'edition', 'published', 'period'] as const) if (meta[key] !== undefined) data[key] = meta[key];
  data.source = Object.fromEntries(SOURCE_KEYS.map((k) => [k, source[k]]));
  return `# Written by wtlint fetch: the metadata from the manifest, and where the document came from.\n${stringify(data, { lineWidth: 0 })}`;
}

/** The `source` of a sidecar wtlint fetch wrote, or null when it has none that is whole. */
export function readSource(text: string): SourceRecord | null {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return null;
  }
  const source = (data as { source?: Record<string, unknown> } | null)?.source;
  if (!source || typeof source !== 'object') return null;
  const str = (k: string) => (typeof source[k] === 'string' ? (source[k] as string) : null);
  const num = (k: string) => (typeof source[k] === 'number' ? (source[k] as number) : null);
  const url = str('url');
  const sha256 = str('sha256');
  const retrieved = str('retrieved');
  if (!url || !sha256 || !retrieved) return null;
  return {
    url,
    final_url: str('final_url') ?? url,
    retrieved,
    status: num('status') ?? 200,
    content_type: str('content_type'),
    etag: str('etag'),
    last_modified: str('last_modified'),
    sha256,
    bytes: num('bytes') ?? 0,
  };
}
