// Runs audit tasks in the main thread or across worker threads, in task order. Workers get
// batches of paths and send back compact results; an abort terminates them all at once.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { bundledLinter, packageRoot } from '../engine/resources.js';
import { auditFile, type AuditTask } from './file.js';
import type { WorkerReply, WorkerRequest } from './worker.js';
import { FindingUnpacker, type RuleText } from './wire.js';
import type { AuditDocument } from '../audit/types.js';
import type { LintOptions } from '../types.js';

/** Below this many documents, starting workers costs more than it saves. */
export const MIN_DOCUMENTS_FOR_WORKERS = 40;
const DOCUMENTS_PER_WORKER = 20;
const BATCH = 8;
/** Batches sent to a worker ahead of its replies. */
const IN_FLIGHT = 2;
/**
 * V8 heap sizing of each worker. Below V8's default limit, the old generation grows more
 * slowly between full collections: peak RSS of a 2-worker audit falls by about a quarter,
 * for some 10-25 % more CPU in collections (docs/audit-performance.md). A document that
 * needs more heap than this (a 10 MB one-line-per-item list can) is checked again in the
 * main thread, without the limit.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1280 };

export class AuditInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'AuditInterrupted';
  }
}

/**
 * Worker threads to start beside the main thread, which checks documents too: `--jobs` counts
 * every thread that checks (0 or 1: the main thread alone); by default one thread per 20
 * documents up to the machine's parallelism. One isolate fewer than a worker per core: each
 * isolate compiles the linter's hot code and collects its own heap on the same cores.
 */
export function workerCount(documents: number, jobs?: number): number {
  const limit = availableParallelism();
  if (jobs !== undefined) return Math.max(0, Math.min(jobs, limit) - 1);
  if (documents < MIN_DOCUMENTS_FOR_WORKERS || limit < 2) return 0;
  return Math.min(limit, Math.ceil(documents / DOCUMENTS_PER_WORKER)) - 1;
}

function workerFile(): string {
  // Beside the bundle: dist/bundle/audit-worker.js, which runs the bundle itself in the worker.
  const sibling = fileURLToPath(new URL('./audit-worker.js', import.meta.url));
  // Run from the TypeScript sources (tests), the compiled worker is the one to start.
  return existsSync(sibling) ? sibling : join(packageRoot, 'dist', 'src', 'audit-run', 'worker-main.js');
}

export interface PoolOptions {
  workers: number;
  options: LintOptions;
  onProgress: (done: number) => void;
  signal: AbortSignal;
  /** Heap limits of each worker; WORKER_LIMITS unless given (tests). */
  resourceLimits?: ResourceLimits;
}

/**
 * Checks every task, handing each result to `onDocument` as it comes (not in task order); keeps
 * none. The main thread checks batches too, beside the workers. A worker that runs out of its
 * heap (WORKER_LIMITS) is not replaced: its batches are checked again in the main thread,
 * without the limit.
 */
export async function runAuditTasks(
  tasks: AuditTask[],
  pool: PoolOptions,
  onDocument: (index: number, doc: AuditDocument) => void,
): Promise<void> {
  if (pool.workers < 1) return runInline(tasks, pool, onDocument);
  const ruleText = new Map<string, RuleText>();
  const batches: WorkerRequest[] = [];
  for (let i = 0; i < tasks.length; i += BATCH) batches.push({ batch: i, tasks: tasks.slice(i, i + BATCH) });
  const workers: Worker[] = [];
  let done = 0;
  const progress = (n: number) => {
    done += n;
    pool.onProgress(done);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      /** The batches each live worker holds: the one it is checking and the one queued behind it. */
      const held = new Map<Worker, WorkerRequest[]>();
      /** Batches of a worker that ran out of heap: for the main thread, without the limit. */
      const retry: WorkerRequest[] = [];
      let laneRunning = false;
      const abort = () => reject(new AuditInterrupted());
      if (pool.signal.aborted) return abort();
      pool.signal.addEventListener('abort', abort, { once: true });
      const settle = () => {
        if (next >= batches.length && retry.length === 0 && !laneRunning && [...held.values()].every((b) => b.length === 0)) {
          pool.signal.removeEventListener('abort', abort);
          resolve();
        }
      };
      // Two batches per worker: while the main thread handles one reply (or checks a document
      // of its own), the worker goes on with the next instead of waiting.
      const feed = (worker: Worker) => {
        const mine = held.get(worker)!;
        while (mine.length < IN_FLIGHT && next < batches.length) {
          const request = batches[next++]!;
          mine.push(request);
          worker.postMessage(request);
        }
        if (mine.length === 0) settle();
      };
      // The main thread's own lane: batches a worker could not finish first, then its share of the rest.
      const lane = async () => {
        if (laneRunning) return;
        laneRunning = true;
        try {
          for (;;) {
            const batch = retry.shift() ?? (next < batches.length ? batches[next++] : undefined);
            if (!batch) break;
            await runInline(batch.tasks, { ...pool, onProgress: () => progress(1) }, (i, doc) => onDocument(batch.batch + i, doc), 1);
          }
          laneRunning = false;
          settle();
        } catch (error) {
          reject(error);
        }
      };
      for (let w = 0; w < Math.min(pool.workers, batches.length); w++) {
        const worker = new Worker(workerFile(), {
          workerData: { options: pool.options },
          resourceLimits: pool.resourceLimits ?? WORKER_LIMITS,
        });
        workers.push(worker);
        held.set(worker, []);
        const unpacker = new FindingUnpacker(ruleText);
        let failed = false;
        worker.on('message', (reply: WorkerReply) => {
          unpacker.learn(reply.rules);
          reply.documents.forEach((doc, i) => onDocument(reply.batch + i, unpacker.unpackDocument(doc)));
          held.get(worker)!.shift(); // a worker replies to its batches in the order sent
          progress(reply.documents.length);
          feed(worker);
        });
        worker.on('error', (error: NodeJS.ErrnoException) => {
          failed = true;
          if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && !pool.signal.aborted) {
            retry.push(...held.get(worker)!);
            held.delete(worker);
            void lane();
          } else reject(error);
        });
        worker.on('exit', (code) => {
          if (code !== 0 && !failed && !pool.signal.aborted) reject(new Error(`an audit worker stopped with code ${code}`));
        });
        feed(worker);
      }
      void lane(); // settles the run when there is nothing to check
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Checks tasks in this thread, yielding to events every `every` documents (Ctrl-C; workers' replies). */
async function runInline(
  tasks: AuditTask[],
  pool: PoolOptions,
  onDocument: (index: number, doc: AuditDocument) => void,
  every = BATCH,
): Promise<void> {
  const linter = bundledLinter();
  for (let i = 0; i < tasks.length; i++) {
    if (pool.signal.aborted) throw new AuditInterrupted();
    onDocument(i, await auditFile(linter, tasks[i]!, pool.options));
    pool.onProgress(i + 1);
    if ((i + 1) % every === 0) await yieldToEvents();
  }
}
