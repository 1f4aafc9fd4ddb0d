// The PDF reader's worker thread (src/engine/pdf-reader.ts starts it): reads one PDF at a
// time with PDF.js and returns its text items, so the parent can stop a hostile file at
// the time limit by ending the thread. PDF.js's own CMap and font files come from its package.
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readPdf, type PdfRead, type PdfReadOptions } from '../parse/pdf.js';

export interface PdfRequest {
  id: number;
  bytes: Uint8Array;
  options: PdfReadOptions;
}

export interface PdfReply {
  id: number;
  read: PdfRead;
}

const pdfjsRoot = packageFolder();

parentPort!.on('message', async (request: PdfRequest) => {
  const options = pdfjsRoot
    ? { ...request.options, cMapUrl: join(pdfjsRoot, 'cmaps') + '/', standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/' }
    : request.options;
  let read: PdfRead;
  try {
    read = await readPdf(request.bytes, options);
  } catch (error) {
    read = {
      ok: false,
      messageId: 'pdf-corrupt',
      variant: 'reader-threw',
      data: { detail: error instanceof Error ? error.message : String(error) },
    };
  }
  parentPort!.postMessage({ id: request.id, read } satisfies PdfReply);
});

function packageFolder(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  } catch {
    return undefined;
  }
}
