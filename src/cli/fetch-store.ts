// DIR for wtlint fetch: where each document and its sidecar live, what an earlier run left,
// and writes that are whole or absent (a temporary file renamed into place; a Ctrl-C never
// leaves half a document, since each write is synchronous).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicWith } from '../engine/files.js';
import { UsageError } from '../engine/errors.js';
import { readSource } from '../fetch/sidecar.js';
import type { DocumentStore, StoredCopy } from '../fetch/run.js';
import type { PlannedDocument } from '../fetch/plan.js';
import type { DocumentType } from '../fetch/types.js';

const TYPES: DocumentType[] = ['pdf', 'docx', 'html'];

export class FolderStore implements DocumentStore {
  constructor(private readonly dir: string) {}

  previous(doc: PlannedDocument): StoredCopy | null {
    const copies = TYPES.flatMap((type): StoredCopy[] => {
      const path = this.relative(doc, type);
      const file = join(this.dir, path);
      let text: string;
      try {
        text = readFileSync(`${file}.yaml`, 'utf8');
      } catch {
        return [];
      }
      const source = readSource(text);
      return source && existsSync(file) ? [{ path, type, source }] : [];
    });
    return copies.find((c) => c.source.url === doc.entry.url) ?? copies[0] ?? null;
  }

  save(doc: PlannedDocument, type: DocumentType, body: Uint8Array, sidecar: string): string {
    const path = this.relative(doc, type);
    const file = join(this.dir, path);
    try {
      mkdirSync(join(this.dir, doc.folder), { recursive: true });
    } catch (error) {
      throw new UsageError(
        `Cannot create ${join(this.dir, doc.folder)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        'Check that the --into folder can be written.',
      );
    }
    writeFileAtomicWith(file, (write) => write(body));
    writeFileAtomicWith(`${file}.yaml`, (write) => write(sidecar));
    // The document changed type (a page became a PDF): the old copy goes.
    for (const other of TYPES) {
      if (other === type) continue;
      const old = join(this.dir, this.relative(doc, other));
      rmSync(old, { force: true });
      rmSync(`${old}.yaml`, { force: true });
    }
    return path;
  }

  keep(copy: StoredCopy, sidecar: string): void {
    writeFileAtomicWith(join(this.dir, `${copy.path}.yaml`), (write) => write(sidecar));
  }

  private relative(doc: PlannedDocument, type: DocumentType): string {
    return `${doc.folder}/${doc.name}.${type}`;
  }
}
