// Fingerprints that stay the same when lines move: a hash of (file, rule, element), with
// an occurrence number so two findings of one rule in one file never share one.
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';

export interface Fingerprint {
  /** sha256 (hex) of file, ruleId and element. */
  hash: string;
  /** 1 for the first finding with this hash in the file (in position order), 2 for the next… */
  occurrence: number;
}

export function fingerprints(file: string, findings: readonly Finding[]): Fingerprint[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = createHash('sha256').update(`${file}\u0000${f.ruleId}\u0000${f.element}`).digest('hex');
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { hash, occurrence };
  });
}
