// An audit worker thread: receives batches of paths, returns compact results. It loads
// the bundled packs once; the parent terminates it when the run ends or is interrupted.
import { parentPort, workerData } from 'node:worker_threads';
import { bundledLinter } from './resources.js';
import { auditFile, type AuditTask } from './audit-file.js';
import type { LintOptions } from '../types.js';

export interface WorkerRequest {
  batch: number;
  tasks: AuditTask[];
}

const linter = bundledLinter();
const options = (workerData as { options: LintOptions }).options;

parentPort!.on('message', async (request: WorkerRequest) => {
  const documents = [];
  for (const task of request.tasks) documents.push(await auditFile(linter, task, options));
  parentPort!.postMessage({ batch: request.batch, documents });
});
