// robots.txt, read once per origin and obeyed (RFC 9309), parsed by robots-parser.
// A robots.txt that is not there (4xx) allows everything; one that cannot be read (5xx,
// timeout, no connection) forbids the whole site, as RFC 9309 §2.3.1.3-4 asks. A
// Crawl-delay longer than wtlint's own pause is honoured.
import { createRequire } from 'node:module';
import type { HostGate } from './politeness.js';

/** What robots-parser gives for one robots.txt (its own typings describe an ES module it is not). */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS whose module.exports is the parser itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;

export type RobotsVerdict = { allowed: true } | { allowed: false; reason: string; message: string };

/** The longest Crawl-delay honoured; a site asking for more is still fetched, this slowly. */
const MAX_CRAWL_DELAY_S = 60;

export class RobotsRules {
  private readonly byOrigin = new Map<string, Promise<{ robot: Robot | null; status: number; url: string }>>();

  constructor(
    private readonly userAgent: string,
    private readonly getText: (url: string) => Promise<{ status: number; text: string }>,
    private readonly gate: HostGate,
  ) {}

  async check(url: string, signal: AbortSignal): Promise<RobotsVerdict> {
    signal.throwIfAborted();
    const target = new URL(url);
    let rules = this.byOrigin.get(target.origin);
    if (!rules) {
      rules = this.load(target);
      this.byOrigin.set(target.origin, rules);
    }
    const { robot, status, url: robotsUrl } = await rules;
    if (!robot) {
      const why = status === 0 ? 'could not be reached' : `answered ${status}`;
      return {
        allowed: false,
        reason: 'robots.txt unreachable',
        message: `${robotsUrl} ${why}; a site whose robots.txt cannot be read is not fetched from (RFC 9309)`,
      };
    }
    if (robot.isAllowed(url, this.userAgent) === false) {
      const line = robot.getMatchingLineNumber(url, this.userAgent);
      return {
        allowed: false,
        reason: 'robots.txt disallows',
        message: `${robotsUrl}${line > 0 ? ` (line ${line})` : ''} does not allow wtlint to fetch ${url}`,
      };
    }
    return { allowed: true };
  }

  private async load(target: URL): Promise<{ robot: Robot | null; status: number; url: string }> {
    const url = `${target.origin}/robots.txt`;
    const { status, text } = await this.getText(url);
    if (status >= 200 && status < 300) {
      const robot = robotsParser(url, text);
      const delay = robot.getCrawlDelay(this.userAgent);
      if (delay !== undefined && delay > 0) this.gate.slowDown(target.host, Math.min(delay, MAX_CRAWL_DELAY_S) * 1000);
      return { robot, status, url };
    }
    // 4xx: no rules, everything allowed. 5xx, 429 or no answer (status 0): nothing allowed.
    if (status >= 400 && status < 500 && status !== 429) return { robot: robotsParser(url, ''), status, url };
    return { robot: null, status, url };
  }
}
