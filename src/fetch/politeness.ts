// Politeness towards the partnerships' sites: one request at a time per host, a pause
// between them, and how long to wait before retrying a 429 or 503. Pure: the clock and
// the sleep are given, so tests run instantly.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Requests to one host go one at a time, each starting at least `delayMs` after the
 * previous one to that host ended (longer when its robots.txt asks for a Crawl-delay).
 * Different hosts do not wait for each other.
 */
export class HostGate {
  private readonly tail = new Map<string, Promise<void>>();
  private readonly freeAt = new Map<string, number>();
  private readonly delays = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly delayMs: number,
  ) {}

  /** A longer pause for one host (robots.txt Crawl-delay), never a shorter one. */
  slowDown(host: string, delayMs: number): void {
    this.delays.set(host, Math.max(this.delays.get(host) ?? this.delayMs, delayMs));
  }

  /** Runs `request` when the host is free and rested; the host is free again when it settles. */
  async run<T>(host: string, request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const before = this.tail.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tail.set(host, mine);
    try {
      await before;
      signal?.throwIfAborted();
      const wait = (this.freeAt.get(host) ?? 0) - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait, signal);
      return await request();
    } finally {
      this.freeAt.set(host, this.clock.now() + (this.delays.get(host) ?? this.delayMs));
      release();
      if (this.tail.get(host) === mine) this.tail.delete(host);
    }
  }
}

/**
 * How long to wait before retry number `attempt` (1, 2, …): the server's Retry-After
 * (seconds, or an HTTP date) when it gives one, else `baseMs` doubled each time; at most
 * `capMs`, so a server asking for an hour does not hold the run (it fails instead: see
 * shouldRetry).
 */
export function retryDelay(retryAfter: string | null, attempt: number, baseMs: number, nowMs: number): number {
  const asked = parseRetryAfter(retryAfter, nowMs);
  return asked ?? baseMs * 2 ** (attempt - 1);
}

/** Retry-After in milliseconds from now, or null when absent or unreadable (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

export const RETRIED_STATUSES = new Set([429, 503]);
