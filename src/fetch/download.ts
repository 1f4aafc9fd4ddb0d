// One document from the web: robots.txt asked first, redirects followed by hand (each hop
// checked again), 429 and 503 retried, a timeout and a size limit on every request, the
// body's type read from its bytes. Every failure comes back as a value, never a throw
// (except when the run is interrupted). The request function, clock and sleep are given.
import { createHash } from 'node:crypto';
import { HostGate, RETRIED_STATUSES, retryDelay, type Clock } from './politeness.js';
import { RobotsRules } from './robots.js';
import { describeOther, sniffType } from './sniff.js';
import type { DocumentType, FetchFailure, SourceRecord } from './types.js';

/** The subset of the WHATWG fetch that wtlint uses: Node's own fetch fits it. */
export type Request = (
  url: string,
  init: { method: 'GET'; headers: Record<string, string>; redirect: 'manual'; signal: AbortSignal },
) => Promise<Response>;

export interface FetchSettings {
  userAgent: string;
  /** Pause between two requests to one host, from the end of one to the start of the next. */
  delayMs: number;
  /** Hosts fetched from at the same time. */
  hosts: number;
  /** For one request, headers and body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Retries of a 429 or 503 answer. */
  retries: number;
  /** The longest wait before a retry; a server asking for more is a failure. */
  maxRetryWaitMs: number;
}

export const DEFAULT_SETTINGS: Omit<FetchSettings, 'userAgent'> = {
  delayMs: 1000,
  hosts: 4,
  timeoutMs: 30_000,
  maxBytes: 50 * 1024 * 1024,
  maxRedirects: 5,
  retries: 3,
  maxRetryWaitMs: 60_000,
};

export interface FetchContext {
  request: Request;
  clock: Clock;
  settings: FetchSettings;
  gate: HostGate;
  robots: RobotsRules;
  /** Aborted on Ctrl-C: the run stops, and the abort is thrown, not reported as a failure. */
  signal: AbortSignal;
}

export type Outcome =
  | { kind: 'fetched'; type: DocumentType; body: Uint8Array; source: SourceRecord }
  | { kind: 'not-modified'; source: SourceRecord }
  | { kind: 'failed'; failure: FetchFailure; message: string };

/** A failure of one document, thrown inside this module and returned as an Outcome. */
class Failed extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export function createContext(request: Request, clock: Clock, settings: FetchSettings, signal: AbortSignal): FetchContext {
  const gate = new HostGate(clock, settings.delayMs);
  // robots.txt is fetched like any document (same gate, retries, limits), so its reader needs the context it belongs to.
  const robots = new RobotsRules(settings.userAgent, (url) => getText(context, url), gate);
  const context: FetchContext = { request, clock, settings, gate, signal, robots };
  return context;
}

/** Downloads `url`, revalidating against `previous` (the sidecar's record) when there is one. */
export async function download(context: FetchContext, url: string, previous: SourceRecord | null): Promise<Outcome> {
  const { clock } = context;
  const day = isoDay(clock.now());
  try {
    const conditional: Record<string, string> = {};
    if (previous?.etag) conditional['If-None-Match'] = previous.etag;
    if (previous?.last_modified) conditional['If-Modified-Since'] = previous.last_modified;
    const { response, finalUrl, body } = await follow(context, url, conditional, true);
    const retrieved = new Date(clock.now()).toISOString();
    const validators = {
      etag: response.headers.get('etag') ?? previous?.etag ?? null,
      last_modified: response.headers.get('last-modified') ?? previous?.last_modified ?? null,
    };
    if (response.status === 304) {
      if (!previous) throw new Failed('304', 'The server answered 304 Not Modified to a request that was not conditional');
      return { kind: 'not-modified', source: { ...previous, ...validators, final_url: finalUrl, retrieved } };
    }
    const contentType = response.headers.get('content-type');
    const type = checkType(body!, contentType);
    const source: SourceRecord = {
      url,
      final_url: finalUrl,
      retrieved,
      status: response.status,
      content_type: contentType,
      etag: response.headers.get('etag'),
      last_modified: response.headers.get('last-modified'),
      sha256: createHash('sha256').update(body!).digest('hex'),
      bytes: body!.length,
    };
    return { kind: 'fetched', type, body: body!, source };
  } catch (error) {
    if (context.signal.aborted) throw error;
    if (error instanceof Failed) return { kind: 'failed', failure: { reason: error.reason, date: day }, message: error.message };
    throw error;
  }
}

/**
 * Requests `url` and follows its redirects: at most settings.maxRedirects, each to http: or
 * https: only, each allowed by robots.txt (when `obeyRobots`) and spaced like any request.
 * A 2xx answer comes back with its body read; 304 without; anything else is a Failed.
 */
async function follow(
  context: FetchContext,
  url: string,
  headers: Record<string, string>,
  obeyRobots: boolean,
): Promise<{ response: Response; finalUrl: string; body: Uint8Array | null }> {
  const seen = new Set<string>();
  let current = url;
  for (let hop = 0; ; hop++) {
    checkScheme(current, hop === 0 ? 'The URL' : 'A redirect');
    if (obeyRobots) {
      const verdict = await context.robots.check(current, context.signal);
      if (!verdict.allowed) throw new Failed(verdict.reason, verdict.message);
    }
    seen.add(current);
    const { response, body } = await requestWithRetries(context, current, headers);
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      const location = response.headers.get('location');
      if (!location) throw new Failed(String(response.status), `HTTP ${response.status} without a Location header at ${current}`);
      let next: string;
      try {
        next = new URL(location, current).href;
      } catch {
        throw new Failed('bad redirect', `HTTP ${response.status} at ${current} leads to "${location}", which is not an address`);
      }
      if (seen.has(next)) throw new Failed('redirect loop', `Redirect loop: ${current} leads back to ${next}`);
      if (hop + 1 > context.settings.maxRedirects)
        throw new Failed('too many redirects', `More than ${context.settings.maxRedirects} redirects from ${url}`);
      current = next;
      continue;
    }
    if (response.status === 304 || (response.status >= 200 && response.status < 300)) return { response, finalUrl: current, body };
    throw new Failed(
      String(response.status),
      `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} at ${current}`,
    );
  }
}

function checkScheme(url: string, what: string): void {
  const protocol = new URL(url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new Failed(`${protocol} refused`, `${what} leads to ${url}: only http: and https: are fetched`);
}

/** One URL, through the host's gate, retried on 429 and 503; the body is read (within the limit) for a 2xx answer. */
async function requestWithRetries(
  context: FetchContext,
  url: string,
  extra: Record<string, string>,
): Promise<{ response: Response; body: Uint8Array | null }> {
  const { settings, clock } = context;
  const host = new URL(url).host;
  for (let attempt = 0; ; attempt++) {
    const answer = await context.gate.run(host, () => requestOnce(context, url, extra), context.signal);
    const { response } = answer;
    if (!RETRIED_STATUSES.has(response.status)) return answer;
    const wait = retryDelay(response.headers.get('retry-after'), attempt + 1, settings.delayMs, clock.now());
    if (attempt >= settings.retries)
      throw new Failed(String(response.status), `HTTP ${response.status} at ${url}, still after ${settings.retries} retries`);
    if (wait > settings.maxRetryWaitMs)
      throw new Failed(
        String(response.status),
        `HTTP ${response.status} at ${url}: the server asks to wait ${Math.ceil(wait / 1000)} s, more than the ${Math.round(settings.maxRetryWaitMs / 1000)} s wtlint waits`,
      );
    await clock.sleep(wait, context.signal);
  }
}

async function requestOnce(
  context: FetchContext,
  url: string,
  extra: Record<string, string>,
): Promise<{ response: Response; body: Uint8Array | null }> {
  const { settings, clock } = context;
  const timer = new AbortController();
  const stopTimer = new AbortController();
  void clock.sleep(settings.timeoutMs, stopTimer.signal).then(
    () => timer.abort(),
    () => undefined,
  );
  const signal = AbortSignal.any([context.signal, timer.signal]);
  const timedOut = () =>
    new Failed(
      `timeout after ${Math.round(settings.timeoutMs / 1000)} s`,
      `No complete answer from ${url} within ${Math.round(settings.timeoutMs / 1000)} s`,
    );
  try {
    let response: Response;
    try {
      response = await context.request(url, {
        method: 'GET',
        headers: {
          'User-Agent': settings.userAgent,
          Accept: 'application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/html;q=0.9, */*;q=0.5',
          ...extra,
        },
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      if (context.signal.aborted) throw error;
      if (timer.signal.aborted) throw timedOut();
      throw new Failed('connection failed', `Cannot reach ${url}: ${networkReason(error)}`);
    }
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel().catch(() => undefined);
      return { response, body: null };
    }
    try {
      return { response, body: await readBody(response, settings.maxBytes, url) };
    } catch (error) {
      if (context.signal.aborted || error instanceof Failed) throw error;
      if (timer.signal.aborted) throw timedOut();
      throw new Failed('connection failed', `The answer from ${url} broke off: ${networkReason(error)}`);
    }
  } finally {
    stopTimer.abort();
  }
}

/** The body, refused as soon as it passes `maxBytes` (by its Content-Length, else while reading). */
async function readBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = () =>
    new Failed(
      `larger than ${formatBytes(maxBytes)}`,
      `The document at ${url} is larger than the limit of ${formatBytes(maxBytes)} (--max-size)`,
    );
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes && response.headers.get('content-encoding') === null) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** What Content-Type each type is sent with; a body that contradicts a declared type is refused. */
const DECLARED: Record<string, DocumentType> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
};

const TYPE_NAMES: Record<DocumentType, string> = { pdf: 'a PDF', docx: 'a Word document', html: 'a web page' };

function checkType(body: Uint8Array, contentType: string | null): DocumentType {
  const declaredMime = contentType?.split(';')[0]!.trim().toLowerCase() ?? null;
  const type = sniffType(body);
  const said = declaredMime ? ` (Content-Type ${declaredMime})` : '';
  if (!type)
    throw new Failed(
      `wrong type${declaredMime ? ` (${declaredMime})` : ''}`,
      `The answer is ${describeOther(body)}${said}; wtlint fetches PDF, Word (.docx) and HTML documents`,
    );
  const declared = declaredMime ? DECLARED[declaredMime] : undefined;
  if (declared && declared !== type) {
    throw new Failed(
      `wrong type (${declaredMime})`,
      `The server says ${TYPE_NAMES[declared]} (${declaredMime}) but sent ${TYPE_NAMES[type]}: perhaps an error or consent page`,
    );
  }
  return type;
}

/** A small text resource (robots.txt): redirects followed, never robots-checked itself; status 0 when there was no answer. */
async function getText(context: FetchContext, url: string): Promise<{ status: number; text: string }> {
  try {
    const { response, body } = await follow(context, url, {}, false);
    return { status: response.status, text: body ? Buffer.from(body).toString('utf8') : '' };
  } catch (error) {
    if (error instanceof Failed) {
      const status = Number(error.reason);
      return { status: Number.isInteger(status) ? status : 0, text: error.message };
    }
    throw error;
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export function formatBytes(n: number): string {
  const mb = n / (1024 * 1024);
  if (mb >= 0.1) return `${Number(mb.toFixed(1))} MB`;
  return n >= 1024 ? `${Number((n / 1024).toFixed(1))} KB` : `${n} bytes`;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
