// Headless Chromium for the browser tests (npm run test:browser): Debian's /usr/bin/chromium
// (apt-get install chromium), run with a fresh profile and nothing of its own on the network.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Runs Chromium headless with these arguments; returns what it prints on standard output. */
export function chromium(args: string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'wtlint-chromium-'));
  return execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60000 },
  );
}
