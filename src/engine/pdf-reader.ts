// Reads PDFs in a worker thread that can be stopped: a PDF past the time limit (maxSeconds),
// or one that exhausts the thread's memory (a compression bomb), becomes a finding and the
// run goes on. One thread per process, started on the first PDF and kept for the next; it
// does not keep the process alive. Without the compiled worker (tests run from the
// sources before a build) PDFs are read in this thread, without the time limit.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from './package-root.js';
import { resolveLimits, type Limits } from '../parse/limits.js';
import type { PdfReader } from '../parse/pdf-body.js';
import type { PdfRead, PdfReadOptions } from '../parse/pdf.js';
import type { PdfReply, PdfRequest } from './pdf-worker.js';

/** Heap of the reading thread: a PDF that needs more is refused, not the whole run. */
const HEAP_MB = 2048;

/** Beside this module (the CLI's bundle, which audit's workers run too, or dist/src). */
function workerFile(): string | undefined {
  const sibling = fileURLToPath(new URL('./pdf-worker.js', import.meta.url));
  const compiled = join(packageRoot, 'dist', 'src', 'engine', 'pdf-worker.js');
  return [sibling, compiled].find((file) => existsSync(file));
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (read: PdfRead) => void>();
let queue: Promise<unknown> = Promise.resolve();

/** A PdfReader that stops at the time limit in `limits` (maxSeconds). */
export function pdfReader(limits?: Partial<Limits>): PdfReader {
  const seconds = resolveLimits(limits).maxSeconds;
  return (bytes, options) => {
    const job = queue.then(() => readInWorker(bytes, options, seconds));
    queue = job.catch(() => undefined);
    return job;
  };
}

async function readInWorker(bytes: Uint8Array, options: PdfReadOptions, seconds: number): Promise<PdfRead> {
  const file = workerFile();
  if (!file) return (await import('../parse/pdf.js')).readPdf(bytes, options);
  const thread = (worker ??= start(file));
  thread.ref();
  const id = nextId++;
  return new Promise<PdfRead>((resolve) => {
    const timer = setTimeout(() => {
      stop(thread, { ok: false, messageId: 'pdf-too-slow', data: { seconds } });
    }, seconds * 1000);
    pending.set(id, (read) => {
      clearTimeout(timer);
      if (pending.size === 0) thread.unref();
      resolve(read);
    });
    thread.postMessage({ id, bytes, options } satisfies PdfRequest);
  });
}

function start(file: string): Worker {
  const thread = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  thread.on('message', (reply: PdfReply) => settle(reply.id, reply.read));
  thread.on('error', (error: NodeJS.ErrnoException) => {
    stop(
      thread,
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { ok: false, messageId: 'pdf-too-big', data: { megabytes: HEAP_MB } }
        : { ok: false, messageId: 'pdf-corrupt', variant: 'worker-failed', data: { detail: error.message } },
    );
  });
  thread.on('exit', () => {
    if (worker === thread) worker = undefined;
  });
  thread.unref();
  return thread;
}

function settle(id: number, read: PdfRead): void {
  const resolve = pending.get(id);
  pending.delete(id);
  resolve?.(read);
}

/** Ends the thread (the next PDF starts a new one) and answers what it was reading. */
function stop(thread: Worker, read: PdfRead): void {
  if (worker === thread) worker = undefined;
  void thread.terminate();
  for (const id of [...pending.keys()]) settle(id, read);
}
