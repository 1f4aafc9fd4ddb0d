// An audit worker thread's loop: receives batches of paths; returns Markdown documents read and
// parsed for the main thread to lint (a parse-only batch) or compact results (findings packed:
// see wire.ts). It loads the bundled packs once, for its first whole document; the parent
// terminates it when the run ends or is interrupted. Each document's tree is dropped once it is
// checked or sent. Started from worker-main.ts (dist/src) or from the bundle
// (dist/bundle/audit-worker.js, which runs the CLI's own bundle with its code cache, so a worker
// does not compile the linter again).
import { parentPort, workerData } from 'node:worker_threads';
import { bundledLinter } from '../engine/resources.js';
import { auditFile, parseTask, type AuditTask, type ParsedTask } from './file.js';
import { FindingPacker, type RuleText, type WireDocument } from './wire.js';
import type { Linter } from '../lint.js';
import type { LintOptions } from '../types.js';

export interface WorkerRequest {
  /** The index of the first task. */
  batch: number;
  tasks: AuditTask[];
  /** Read and parse Markdown only, for the main thread to lint (parseTask); anything else is checked whole. */
  parseOnly: boolean;
}

export interface WorkerReply {
  batch: number;
  /** Rules first used in this batch, numbered on from the last. */
  rules: RuleText[];
  /** Checked documents, and Markdown documents read and parsed for the main thread (those with a `body`). */
  documents: (WireDocument | ParsedTask)[];
}

export function serveAuditRequests(): void {
  // Loaded on the first whole document: parse-only batches need no packs, and the first of them
  // is what the main thread waits for.
  let linter: Linter | undefined;
  const options = (workerData as { options: LintOptions }).options;
  const packer = new FindingPacker();
  // The parent sends a batch ahead; batches are checked one after another, never interleaved
  // (a PDF's reading awaits its own thread), so only one batch's documents are held at a time.
  let queue = Promise.resolve();
  const check = async (request: WorkerRequest) => {
    const documents: WorkerReply['documents'] = [];
    for (const task of request.tasks) {
      const parsed = request.parseOnly ? parseTask(task, options) : null;
      documents.push(parsed ?? packer.packDocument(await auditFile((linter ??= bundledLinter()), task, options)));
    }
    const reply: WorkerReply = { batch: request.batch, rules: packer.takeNewRules(), documents };
    parentPort!.postMessage(reply);
  };
  parentPort!.on('message', (request: WorkerRequest) => {
    queue = queue.then(() => check(request));
  });
}
