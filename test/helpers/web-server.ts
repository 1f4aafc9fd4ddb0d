// A web server for the fetch tests, on 127.0.0.1 only: each route a handler, every request
// logged with its arrival time and headers, so tests can assert what wtlint asked for.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
  status?: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void;

export interface TestServer {
  origin: string;
  host: string;
  log: LoggedRequest[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const log: LoggedRequest[] = [];
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const entry: LoggedRequest = { path, at: performance.now(), headers: req.headers };
    log.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    const count = (counts.get(path) ?? 0) + 1;
    counts.set(path, count);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
      return;
    }
    route(req, res, count);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler serving `body` with validators, answering 304 to a matching conditional request. */
export function document(body: string | Buffer, type: string, validators: { etag?: string; lastModified?: string } = {}): Handler {
  return (req, res) => {
    const headers: Record<string, string> = { 'Content-Type': type };
    if (validators.etag) headers.ETag = validators.etag;
    if (validators.lastModified) headers['Last-Modified'] = validators.lastModified;
    const fresh =
      (validators.etag && req.headers['if-none-match'] === validators.etag) ||
      (validators.lastModified && req.headers['if-modified-since'] === validators.lastModified);
    if (fresh) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers).end(body);
  };
}
