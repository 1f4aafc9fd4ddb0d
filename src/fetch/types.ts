// wtlint fetch: the shapes shared by its planning (pure) and its I/O (src/cli).
import type { DocumentKind } from '../types.js';

/** The metadata a manifest's `{ url: … }` entry may give; written to the document's sidecar. */
export interface EntryMeta {
  kind?: DocumentKind;
  edition?: number | string;
  published?: string;
  period?: { start?: string; end?: string };
}

/** A document named by URL in the manifest. */
export interface UrlEntry extends EntryMeta {
  url: string;
}

/** Where a fetched document came from: the `source` block of its sidecar. */
export interface SourceRecord {
  url: string;
  final_url: string;
  /** When it was last fetched or revalidated (ISO 8601, UTC). */
  retrieved: string;
  status: number;
  content_type: string | null;
  etag: string | null;
  last_modified: string | null;
  sha256: string;
  bytes: number;
}

/** Why a document could not be fetched, as recorded in DIR/areas.yaml and shown by audit. */
export interface FetchFailure {
  /** Short, for reports: "404", "robots.txt disallows", "timeout after 30 s". */
  reason: string;
  /** The day of the attempt, YYYY-MM-DD. */
  date: string;
}

export type DocumentType = 'pdf' | 'docx' | 'html';
