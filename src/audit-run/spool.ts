// The areas' rendered parts, kept on disk while an audit runs: each area is written out as
// soon as it is evaluated and read back, in report order, when the report is written.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class PartSpool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'wtlint-audit-'));
  private readonly fd = openSync(join(this.dir, 'parts'), 'w+');
  private size = 0;
  /** Per area name: where each of its parts lies in the file (byte offset, length). */
  private readonly places = new Map<string, [number, number][]>();

  add(name: string, parts: string[]): void {
    this.places.set(
      name,
      parts.map((part) => {
        // Written as a string (encoded by Node without a Buffer per part); a short write is finished from bytes.
        const length = Buffer.byteLength(part, 'utf8');
        const written = length ? writeSync(this.fd, part, this.size, 'utf8') : 0;
        if (written < length) {
          const bytes = Buffer.from(part, 'utf8');
          for (let done = written; done < length;) done += writeSync(this.fd, bytes, done, length - done, this.size + done);
        }
        const place: [number, number] = [this.size, length];
        this.size += length;
        return place;
      }),
    );
  }

  /** Part `index` of each named area, in the order given, read back one at a time as UTF-8 bytes. */
  *read(names: string[], index: number): Generator<Uint8Array> {
    for (const name of names) {
      const [offset, length] = this.places.get(name)![index]!;
      const bytes = Buffer.allocUnsafe(length);
      for (let done = 0; done < length;) {
        const n = readSync(this.fd, bytes, done, length - done, offset + done);
        if (n === 0) throw new Error(`the audit's spool file ended early (${name})`);
        done += n;
      }
      yield bytes;
    }
  }

  /** Bytes spooled so far. */
  get bytes(): number {
    return this.size;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
