// A whole fetch: every planned document downloaded (a few hosts at a time, each host's
// documents one after another), saved through the store it is given, and the manifest
// that lets `wtlint audit DIR` audit exactly what was fetched. The store does the file
// I/O; this module decides.
import { stringify } from 'yaml';
import { download, type FetchContext } from './download.js';
import { sidecarText } from './sidecar.js';
import type { PlannedArea, PlannedDocument } from './plan.js';
import type { DocumentType, EntryMeta, FetchFailure, SourceRecord } from './types.js';

/** A copy of a document already in DIR, from an earlier run. */
export interface StoredCopy {
  /** Relative to DIR, with forward slashes. */
  path: string;
  type: DocumentType;
  source: SourceRecord;
}

/** DIR, as fetch needs it. Writes are whole or absent (a temporary file renamed into place). */
export interface DocumentStore {
  /** The copy an earlier run saved for this document, when its sidecar is whole. */
  previous(doc: PlannedDocument): StoredCopy | null;
  /** Saves the body and its sidecar; removes a copy of another type saved before. Returns the path relative to DIR. */
  save(doc: PlannedDocument, type: DocumentType, body: Uint8Array, sidecar: string): string;
  /** Rewrites the sidecar of a copy kept as it is. */
  keep(copy: StoredCopy, sidecar: string): void;
}

export type DocumentStatus = 'new' | 'changed' | 'unchanged' | 'not-modified' | 'offline' | 'failed';

export interface DocumentReport {
  doc: PlannedDocument;
  status: DocumentStatus;
  /** The copy audit will read (relative to DIR): the new one, or the one kept; null when there is none. */
  path: string | null;
  /** Set when the document could not be fetched (a copy from an earlier run may still be kept). */
  failure: FetchFailure | null;
  message: string | null;
  source: SourceRecord | null;
}

export interface RunOptions {
  offline: boolean;
  /** The day, YYYY-MM-DD: recorded with a failure when offline (otherwise the request's clock gives it). */
  today: string;
  /** Called as each document is done. */
  onDone?: (report: DocumentReport) => void;
}

export async function fetchAll(
  areas: PlannedArea[],
  context: FetchContext | null,
  store: DocumentStore,
  options: RunOptions,
): Promise<DocumentReport[]> {
  const docs = areas.flatMap((a) => a.files.flatMap((f) => ('fetch' in f ? [f.fetch] : [])));
  const reports = new Map<PlannedDocument, DocumentReport>();
  const one = async (doc: PlannedDocument) => {
    const report = context && !options.offline ? await fetchOne(doc, context, store) : fromDisk(doc, store, options.today);
    reports.set(doc, report);
    options.onDone?.(report);
  };
  if (!context || options.offline) {
    for (const doc of docs) await one(doc);
  } else {
    // One queue per host the documents start at; a few queues at a time.
    const queues = new Map<string, PlannedDocument[]>();
    for (const doc of docs) {
      const host = new URL(doc.entry.url).host;
      queues.set(host, [...(queues.get(host) ?? []), doc]);
    }
    const pending = [...queues.values()];
    const worker = async () => {
      for (let queue = pending.shift(); queue; queue = pending.shift()) {
        for (const doc of queue) await one(doc);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(context.settings.hosts, pending.length)) }, worker));
  }
  return docs.map((d) => reports.get(d)!);
}

async function fetchOne(doc: PlannedDocument, context: FetchContext, store: DocumentStore): Promise<DocumentReport> {
  const previous = store.previous(doc);
  const outcome = await download(context, doc.entry.url, previous && previous.source.url === doc.entry.url ? previous.source : null);
  context.signal.throwIfAborted(); // interrupted while the answer came in: nothing is written
  if (outcome.kind === 'failed') {
    return {
      doc,
      status: 'failed',
      path: previous?.path ?? null,
      failure: outcome.failure,
      message: outcome.message,
      source: previous?.source ?? null,
    };
  }
  if (outcome.kind === 'not-modified') {
    store.keep(previous!, sidecarText(doc.entry, outcome.source));
    return { doc, status: 'not-modified', path: previous!.path, failure: null, message: null, source: outcome.source };
  }
  const same = previous && previous.type === outcome.type && previous.source.sha256 === outcome.source.sha256;
  if (same) {
    store.keep(previous, sidecarText(doc.entry, outcome.source));
    return { doc, status: 'unchanged', path: previous.path, failure: null, message: null, source: outcome.source };
  }
  const path = store.save(doc, outcome.type, outcome.body, sidecarText(doc.entry, outcome.source));
  return { doc, status: previous ? 'changed' : 'new', path, failure: null, message: null, source: outcome.source };
}

/** --offline: the copy already in DIR, or a failure when there is none. */
function fromDisk(doc: PlannedDocument, store: DocumentStore, today: string): DocumentReport {
  const previous = store.previous(doc);
  if (previous) {
    store.keep(previous, sidecarText(doc.entry, previous.source)); // the manifest's metadata may have changed
    return { doc, status: 'offline', path: previous.path, failure: null, message: null, source: previous.source };
  }
  const failure = { reason: 'no copy (offline)', date: today };
  return {
    doc,
    status: 'failed',
    path: null,
    failure,
    message: `No copy of ${doc.entry.url} in the folder: run wtlint fetch without --offline first`,
    source: null,
  };
}

/** A manifest entry of DIR/areas.yaml. */
type OutputEntry = string | { path: string; covers: string[] } | (EntryMeta & { url?: string; file?: string; failed?: FetchFailure });

/**
 * DIR/areas.yaml: every area, in manifest order, with its documents: a fetched document by
 * its path; one that could not be fetched as its URL entry with `failed` (and `file` when
 * an earlier copy is audited instead); a local document of the source manifest by its
 * path from DIR (`localPath`).
 */
export function outputManifest(areas: PlannedArea[], reports: DocumentReport[], localPath: (path: string) => string): string {
  const byDoc = new Map(reports.map((r) => [r.doc, r]));
  const data = {
    areas: areas.map((area) => ({
      name: area.name,
      files: area.files.map((f): OutputEntry => {
        if ('path' in f) return f.covers ? { path: localPath(f.path), covers: f.covers } : localPath(f.path);
        const report = byDoc.get(f.fetch)!;
        if (!report.failure) return report.path!;
        const { url, ...meta } = f.fetch.entry;
        return { ...(report.path ? { file: report.path } : {}), url, ...meta, failed: report.failure };
      }),
    })),
  };
  return `# Written by wtlint fetch: the documents it fetched, for \`wtlint audit\` on this folder.\n# Each fetched document has its metadata and source in a sidecar beside it (<name>.<ext>.yaml).\n${stringify(data, { lineWidth: 0 })}`;
}
