// What the bundle (dist/bundle/wtlint.cjs) exports: the CLI, and the audit worker's loop, so
// that worker threads run the same bundle with the same code cache as the process that starts
// them (scripts/bundle.mjs). The worker's modules load only in a worker.
export { run } from './main.js';

export async function serveAuditWorker(): Promise<void> {
  (await import('../audit-run/worker.js')).serveAuditRequests();
}
