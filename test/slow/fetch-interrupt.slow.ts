// Ctrl-C during wtlint fetch (the built CLI, against a server on 127.0.0.1): exit 130, the
// documents already saved are whole, the one being downloaded leaves nothing, and
// DIR/areas.yaml is not written.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../helpers.js';
import { document, startServer } from '../helpers/web-server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PAGE = '<!DOCTYPE html><html><body><h1>Eastbrook arrangements</h1></body></html>';

test('SIGINT during a download: exit 130, no half-written file, no manifest', async () => {
  const server = await startServer({
    '/robots.txt': (_q, res) => res.writeHead(404).end(),
    '/first.html': document(PAGE, 'text/html'),
    '/trickle.html': (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<!DOCTYPE html><html><body>');
      const timer = setInterval(() => res.write('<p>more</p>'), 50);
      res.on('close', () => clearInterval(timer));
    },
  });
  try {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'areas.yaml'),
      `areas:\n  - name: Eastbrook\n    files:\n      - url: ${server.origin}/first.html\n      - url: ${server.origin}/trickle.html\n`,
    );
    const child = spawn(process.execPath, [join(ROOT, 'bin/wtlint.js'), 'fetch', 'areas.yaml', '--into', 'out', '--delay', '0.1'], {
      cwd: dir,
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (!server.log.some((r) => r.path === '/trickle.html')) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300)); // part of the body is in
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe('\nwtlint: fetch interrupted; the documents saved so far are whole, and out/areas.yaml was not rewritten.\n');
    expect(readdirSync(join(dir, 'out/eastbrook')).sort()).toEqual(['first.html', 'first.html.yaml']);
    expect(readFileSync(join(dir, 'out/eastbrook/first.html'), 'utf8')).toBe(PAGE);
    expect(existsSync(join(dir, 'out/areas.yaml'))).toBe(false);
  } finally {
    await server.close();
  }
});
