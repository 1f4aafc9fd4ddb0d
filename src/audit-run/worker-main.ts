// The audit worker thread's entry when run from the tsc output (dist/src: tests); the bundle
// starts dist/bundle/audit-worker.js instead (scripts/bundle.mjs).
import { serveAuditRequests } from './worker.js';

serveAuditRequests();
