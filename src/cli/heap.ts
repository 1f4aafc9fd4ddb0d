// How much garbage a long check lets build up. V8 lets a busy process's old space grow to about
// four times what survived its last full collection: at 1,000 areas `check` kept 50 MB alive
// and reached 200 MB of old space (over 300 MB of RSS) before collecting (docs/performance.md).
import { setFlagsFromString } from 'node:v8';

/** Old space may grow by half past what is live. V8 reads this at every full collection. */
const HEAP_GROWING_PERCENT = 50;

/**
 * Called once the code is loaded: V8 accepts a code cache only under the flags it was made with,
 * so the flag is set after the bundle (and its cache) is in; by check at once, by audit once each
 * worker thread has loaded the bundle too (the flag is the process's, every thread's).
 */
export function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
