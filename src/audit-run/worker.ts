// An audit worker thread's loop: receives batches of paths, returns compact results (findings
// packed: see wire.ts). It loads the bundled packs once; the parent terminates it when the run
// ends or is interrupted. Each document's tree is dropped once it is checked. Started from
// worker-main.ts (dist/src) or from the bundle (dist/bundle/audit-worker.js, which runs the CLI's
// own bundle with its code cache, so a worker does not compile the linter again).
import { parentPort, workerData } from 'node:worker_threads';
import { bundledLinter } from '../engine/resources.js';
import { auditFile, type AuditTask } from './file.js';
import { FindingPacker, type RuleText, type WireDocument } from './wire.js';
import type { LintOptions } from '../types.js';

export interface WorkerRequest {
  batch: number;
  tasks: AuditTask[];
}

export interface WorkerReply {
  batch: number;
  /** Rules first used in this batch, numbered on from the last. */
  rules: RuleText[];
  documents: WireDocument[];
}

export function serveAuditRequests(): void {
  const linter = bundledLinter();
  const options = (workerData as { options: LintOptions }).options;
  const packer = new FindingPacker();
  // The parent sends a batch ahead; batches are checked one after another, never interleaved
  // (a PDF's reading awaits its own thread), so only one batch's documents are held at a time.
  let queue = Promise.resolve();
  const check = async (request: WorkerRequest) => {
    const documents: WireDocument[] = [];
    for (const task of request.tasks) documents.push(packer.packDocument(await auditFile(linter, task, options)));
    const reply: WorkerReply = { batch: request.batch, rules: packer.takeNewRules(), documents };
    parentPort!.postMessage(reply);
  };
  parentPort!.on('message', (request: WorkerRequest) => {
    queue = queue.then(() => check(request));
  });
}
