// The HTML audit report in headless Chromium: it renders (a screenshot to look at), the
// hostile area name stays text, and no script runs. Needs /usr/bin/chromium
// (apt-get install chromium) and the built CLI: npm run build && npm run test:browser.
import { expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AS_OF, arrangements2023, generateAreas } from '../helpers/audit-areas.js';
import { chromium, hasChromium } from '../helpers/chromium.js';
import { runCli } from '../helpers/cli.js';

const SCREENSHOT = process.env.WTLINT_SCREENSHOT ?? join(tmpdir(), 'wtlint-audit.png');

test.skipIf(!hasChromium)('the HTML report renders in Chromium without running anything from the documents', async () => {
  const { root, dir } = generateAreas();
  const evil = '<script>document.title="pwned"</script>';
  writeFileSync(
    join(dir, 'echo', 'arrangements.yaml'),
    arrangements2023('Echo', '2024-12-01', [], { area: evil, relevant_agencies: ['<img src=x onerror="document.title=1">'] }),
  );
  const run = await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'html', '-o', 'audit.html', '--jobs', '0'], root);
  expect(run.code).toBe(1);
  const page = `file://${join(root, 'audit.html')}`;

  chromium(['--screenshot=' + SCREENSHOT, '--window-size=1280,2000', page]);
  const png = readFileSync(SCREENSHOT);
  expect([png.subarray(1, 4).toString('latin1'), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', 1280, 2000]);

  const dom = chromium(['--dump-dom', page]);
  expect(dom.match(/<title>[^<]*<\/title>/)?.[0]).toBe(`<title>wtlint audit as of ${AS_OF}</title>`);
  expect(dom.match(/<script|<img/gi)).toEqual(null);
  expect(dom).toContain('&lt;script&gt;document.title="pwned"&lt;/script&gt;');
  process.stdout.write(`screenshot: ${SCREENSHOT}\n`);
});
