// Runs audit tasks in the main thread or across worker threads, in task order. Workers get
// batches of paths and send back compact results; an abort terminates them all at once.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { bundledLinter, packageRoot } from './resources.js';
import { auditFile, type AuditTask } from './audit-file.js';
import type { WorkerReply, WorkerRequest } from './audit-worker.js';
import { FindingUnpacker, type RuleText } from './audit-wire.js';
import type { AuditDocument } from '../audit/types.js';
import type { LintOptions } from '../types.js';

/** Below this many documents, starting workers costs more than it saves. */
export const MIN_DOCUMENTS_FOR_WORKERS = 40;
const DOCUMENTS_PER_WORKER = 20;
const BATCH = 8;
/** V8 heap sizing of each worker: see docs/audit-performance.md for the measurements behind it. */
const WORKER_LIMITS: ResourceLimits | undefined = undefined;

export class AuditInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'AuditInterrupted';
  }
}

/** Workers to use: --jobs when given, else one per 20 documents up to the machine's parallelism; 0 means the main thread. */
export function workerCount(documents: number, jobs?: number): number {
  const limit = availableParallelism();
  if (jobs !== undefined) return Math.min(jobs, limit);
  if (documents < MIN_DOCUMENTS_FOR_WORKERS || limit < 2) return 0;
  return Math.min(limit, Math.ceil(documents / DOCUMENTS_PER_WORKER));
}

function workerFile(): string {
  const sibling = fileURLToPath(new URL('./audit-worker.js', import.meta.url));
  // Run from the TypeScript sources (tests), the compiled worker is the one to start.
  return existsSync(sibling) ? sibling : join(packageRoot, 'dist', 'src', 'cli', 'audit-worker.js');
}

export interface PoolOptions {
  workers: number;
  options: LintOptions;
  onProgress: (done: number) => void;
  signal: AbortSignal;
}

/** Checks every task, handing each result to `onDocument` as it comes (not in task order); keeps none. */
export async function runAuditTasks(tasks: AuditTask[], pool: PoolOptions, onDocument: (index: number, doc: AuditDocument) => void): Promise<void> {
  if (pool.workers < 1) return runInline(tasks, pool, onDocument);
  const ruleText = new Map<string, RuleText>();
  const batches: WorkerRequest[] = [];
  for (let i = 0; i < tasks.length; i += BATCH) batches.push({ batch: i, tasks: tasks.slice(i, i + BATCH) });
  const workers: Worker[] = [];
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = 0;
      const abort = () => reject(new AuditInterrupted());
      if (pool.signal.aborted) return abort();
      pool.signal.addEventListener('abort', abort, { once: true });
      const feed = (worker: Worker) => {
        const request = batches[next++];
        if (request) {
          pending++;
          worker.postMessage(request);
        } else if (pending === 0) {
          pool.signal.removeEventListener('abort', abort);
          resolve();
        }
      };
      for (let w = 0; w < Math.min(pool.workers, batches.length); w++) {
        const worker = new Worker(workerFile(), { workerData: { options: pool.options }, resourceLimits: WORKER_LIMITS });
        workers.push(worker);
        const unpacker = new FindingUnpacker(ruleText);
        worker.on('message', (reply: WorkerReply) => {
          unpacker.learn(reply.rules);
          reply.documents.forEach((doc, i) => onDocument(reply.batch + i, unpacker.unpackDocument(doc)));
          pending--;
          done += reply.documents.length;
          pool.onProgress(done);
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0 && !pool.signal.aborted) reject(new Error(`an audit worker stopped with code ${code}`));
        });
        feed(worker);
      }
      if (batches.length === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function runInline(tasks: AuditTask[], pool: PoolOptions, onDocument: (index: number, doc: AuditDocument) => void): Promise<void> {
  const linter = bundledLinter();
  for (let i = 0; i < tasks.length; i++) {
    if (pool.signal.aborted) throw new AuditInterrupted();
    onDocument(i, await auditFile(linter, tasks[i]!, pool.options));
    pool.onProgress(i + 1);
    if ((i + 1) % BATCH === 0) await yieldToEvents(); // lets Ctrl-C through
  }
}
