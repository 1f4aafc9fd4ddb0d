// --format json: the whole audit (per-area results, national summary, provenance);
// `wtlint merge` and `--compare` read it back.
import type { AuditReporter } from './types.js';

export const json: AuditReporter = (report) => `${JSON.stringify(report, null, 2)}\n`;
