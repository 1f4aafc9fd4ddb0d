// Runs audit tasks in the main thread or across worker threads. Workers get batches of paths and
// send back parsed Markdown for the main thread to lint, or compact results; an abort terminates
// them all at once.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { bundledLinter, packageRoot } from '../engine/resources.js';
import { auditFile, auditParsed, type AuditTask, type ParsedTask } from './file.js';
import type { Linter } from '../lint.js';
import type { WorkerReply, WorkerRequest } from './worker.js';
import { FindingUnpacker, type RuleText } from './wire.js';
import type { AuditDocument } from '../audit/types.js';
import type { LintOptions } from '../types.js';

/** Below this many documents, starting workers costs more than it saves. */
export const MIN_DOCUMENTS_FOR_WORKERS = 40;
const DOCUMENTS_PER_WORKER = 20;
const BATCH = 8;
/** A worker's first batch: small, so the main thread has parsed documents to lint soon after the worker has loaded. */
const FIRST_BATCH = 2;
/** Batches of the last documents, checked whole: small, so neither thread waits long for the other at the end. */
const LAST_BATCH = 2;
/** Parsed documents waiting for the main thread's lint past which workers are sent whole documents to check. */
const READY_LIMIT = 48;
/** Batches sent to a worker ahead of its replies. */
const IN_FLIGHT = 2;
/**
 * The young generation of each worker. Parsing Markdown makes much short-lived garbage; with
 * V8's default a worker scavenged 380 times at 1,000 plain areas (1.2 s), with 64 MB 210 times
 * (0.8 s), for about 40 MB more peak RSS (docs/performance.md).
 */
const YOUNG_GENERATION_MB = 64;

/**
 * V8 heap sizing of each worker. Below V8's default limit, the old generation grows more
 * slowly between full collections: peak RSS of a 2-worker audit falls by about a quarter,
 * for some 10-25 % more CPU in collections (docs/audit-performance.md). A document that
 * needs more heap than this (a 10 MB one-line-per-item list can) is checked again in the
 * main thread, without the limit.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1280, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };

/** What a worker's next batch is: how many documents, and whether they are only parsed (for the main thread to lint) or checked whole. */
export function planBatch(state: {
  /** The worker's first batch. */
  first: boolean;
  /** The worker has been sent documents to check whole before (its lint is compiled). */
  linting: boolean;
  /** Documents not yet sent to any thread. */
  unsent: number;
  /** Parsed documents waiting for the main thread's lint. */
  ready: number;
}): { parseOnly: boolean; size: number } {
  // The last documents: those parsed and waiting keep the main thread busy to the end, so a
  // worker that already lints checks the rest whole, a few at a time, and the threads finish
  // together (parsed for the main thread, they left it linting alone for up to READY_LIMIT).
  const ending = state.linting && state.unsent <= state.ready;
  const parseOnly = !ending && state.ready < READY_LIMIT;
  return { parseOnly, size: state.first ? FIRST_BATCH : ending ? LAST_BATCH : BATCH };
}

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

/** A worker thread started before its tasks are known (startWorkers), and how it failed meanwhile, if it did. */
export interface StartedWorker {
  worker: Worker;
  early?: { error?: NodeJS.ErrnoException; exitCode?: number };
}

/**
 * Starts audit worker threads now, for runAuditTasks to take (PoolOptions.started): each loads
 * the bundle (about a fifth of a second) while the main thread is still finding the documents.
 */
export function startWorkers(count: number, options: LintOptions, resourceLimits: ResourceLimits = WORKER_LIMITS): StartedWorker[] {
  return Array.from({ length: count }, () => {
    const started: StartedWorker = { worker: new Worker(workerFile(), { workerData: { options }, resourceLimits }) };
    // Kept until runAuditTasks listens: an 'error' event with no listener would throw.
    started.worker.once('error', (error: NodeJS.ErrnoException) => (started.early = { ...started.early, error }));
    started.worker.once('exit', (exitCode) => (started.early = { ...started.early, exitCode }));
    return started;
  });
}

export interface PoolOptions {
  workers: number;
  /** Threads already started (startWorkers): used first; any beyond `workers` are stopped. */
  started?: StartedWorker[];
  options: LintOptions;
  onProgress: (done: number) => void;
  signal: AbortSignal;
  /** Called once every thread that checks has its code loaded (each worker has answered once). */
  onCodeLoaded?: () => void;
  /** Heap limits of each worker; WORKER_LIMITS unless given (tests). */
  resourceLimits?: ResourceLimits;
}

/**
 * Checks every task, handing each result to `onDocument` as it comes (not in task order); keeps
 * none. Work is split by stage, not only by document: while the main thread has few documents
 * waiting, workers read and parse Markdown (micromark) and send the parsed bodies back, and
 * the main thread runs the lint on them. Each V8 isolate then optimises its own half of the
 * code, where two isolates running everything each optimised all of it on the same cores. Once
 * READY_LIMIT parsed documents wait (more cores than one main thread can lint for), workers
 * check whole documents instead. A worker that runs out of its heap (WORKER_LIMITS) is not
 * replaced: its tasks are checked again in the main thread, without the limit.
 */
export async function runAuditTasks(
  tasks: AuditTask[],
  pool: PoolOptions,
  onDocument: (index: number, doc: AuditDocument) => void,
): Promise<void> {
  const started = pool.started ?? [];
  const wanted = pool.workers < 1 ? 0 : Math.min(pool.workers, Math.ceil(tasks.length / BATCH));
  try {
    if (wanted === 0) {
      pool.onCodeLoaded?.();
      return await runInline(tasks, pool, onDocument);
    }
    return await runWithWorkers(tasks, started.slice(0, wanted), wanted, pool, onDocument);
  } finally {
    await Promise.all(started.slice(wanted).map(({ worker }) => worker.terminate()));
  }
}

/** `started`: threads already running, taken first; the rest of the `wanted` are started here. */
async function runWithWorkers(
  tasks: AuditTask[],
  started: StartedWorker[],
  wanted: number,
  pool: PoolOptions,
  onDocument: (index: number, doc: AuditDocument) => void,
): Promise<void> {
  const ruleText = new Map<string, RuleText>();
  const workers: Worker[] = [];
  let linter: Linter | undefined;
  let done = 0;
  let loaded = 0;
  const progress = (n: number) => {
    done += n;
    pool.onProgress(done);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let stopped = false;
      /** The requests each live worker holds, in the order sent (it answers them in that order). */
      const held = new Map<Worker, WorkerRequest[]>();
      /** Tasks of a worker that ran out of heap: for the main thread, without the limit. */
      const retry: { index: number; task: AuditTask }[] = [];
      /** Markdown documents a worker has read and parsed, for the main thread to lint. */
      const ready: { index: number; parsed: ParsedTask }[] = [];
      let wake: (() => void) | undefined;
      const wakeLane = () => {
        wake?.();
        wake = undefined;
      };
      const stop = (error: Error) => {
        stopped = true;
        wakeLane();
        reject(error);
      };
      const abort = () => stop(new AuditInterrupted());
      if (pool.signal.aborted) return abort();
      pool.signal.addEventListener('abort', abort, { once: true });
      /** Workers sent their first batch; workers sent documents to check whole (their lint is compiled). */
      const begun = new Set<Worker>();
      const linting = new Set<Worker>();
      const feed = (worker: Worker) => {
        const mine = held.get(worker);
        while (mine && mine.length < IN_FLIGHT && next < tasks.length) {
          const { parseOnly, size } = planBatch({
            first: !begun.has(worker),
            linting: linting.has(worker),
            unsent: tasks.length - next,
            ready: ready.length,
          });
          begun.add(worker);
          if (!parseOnly) linting.add(worker);
          const request: WorkerRequest = { batch: next, tasks: tasks.slice(next, next + size), parseOnly };
          next += request.tasks.length;
          mine.push(request);
          worker.postMessage(request);
        }
      };
      const feedAll = () => {
        for (const worker of held.keys()) feed(worker);
      };
      /** A worker gone without answering: its tasks go to the main thread. */
      const lose = (worker: Worker) => {
        for (const request of held.get(worker) ?? []) request.tasks.forEach((task, i) => retry.push({ index: request.batch + i, task }));
        held.delete(worker);
        wakeLane();
      };
      const busyWorkers = () => [...held.values()].some((requests) => requests.length > 0);
      const checkWhole = async (index: number, task: AuditTask) => {
        onDocument(index, await auditFile((linter ??= bundledLinter()), task, pool.options));
        progress(1);
      };
      // The main thread lints what workers parsed, and waits for more rather than parse here (its
      // V8 would then optimise the parser too); it checks whole documents only when no worker is
      // left to do it (one ran out of heap).
      const lane = async () => {
        while (!stopped) {
          const item = ready.shift();
          if (item) {
            onDocument(item.index, auditParsed((linter ??= bundledLinter()), item.parsed, pool.options));
            progress(1);
            feedAll();
          } else if (retry.length) {
            const { index, task } = retry.shift()!;
            await checkWhole(index, task);
          } else if (busyWorkers()) {
            await new Promise<void>((resume) => (wake = resume));
            continue;
          } else if (next < tasks.length) await checkWhole(next, tasks[next++]!);
          else break;
          if (pool.signal.aborted) return abort();
          await yieldToEvents(); // workers' replies; Ctrl-C
        }
        if (stopped) return;
        pool.signal.removeEventListener('abort', abort);
        resolve();
      };
      for (let w = 0; w < wanted; w++) {
        const thread = started[w] ?? startWorkers(1, pool.options, pool.resourceLimits)[0]!;
        const worker = thread.worker;
        workers.push(worker);
        held.set(worker, []);
        const unpacker = new FindingUnpacker(ruleText);
        let failed = false;
        let answered = false;
        worker.on('message', (reply: WorkerReply) => {
          if (!answered) {
            answered = true;
            if (++loaded === workers.length) pool.onCodeLoaded?.();
          }
          unpacker.learn(reply.rules);
          let checked = 0;
          reply.documents.forEach((item, i) => {
            if ('body' in item) ready.push({ index: reply.batch + i, parsed: item });
            else {
              onDocument(reply.batch + i, unpacker.unpackDocument(item));
              checked++;
            }
          });
          held.get(worker)!.shift();
          if (checked) progress(checked);
          feed(worker);
          wakeLane();
        });
        const onError = (error: NodeJS.ErrnoException) => {
          failed = true;
          if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && !pool.signal.aborted) lose(worker);
          else stop(error);
        };
        const onExit = (code: number) => {
          if (code !== 0 && !failed && !pool.signal.aborted) stop(new Error(`an audit worker stopped with code ${code}`));
          else lose(worker);
        };
        worker.on('error', onError);
        worker.on('exit', onExit);
        // A thread started early may have failed before it was taken.
        if (thread.early?.error) onError(thread.early.error);
        if (thread.early?.exitCode !== undefined) onExit(thread.early.exitCode);
        feed(worker);
      }
      void lane().catch(stop);
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
