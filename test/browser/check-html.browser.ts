// The check HTML page in headless Chromium: it renders (a screenshot to look at), the evidence
// marks and side lists are in the DOM, hostile text stays text, and no script runs. Needs
// /usr/bin/chromium and the built CLI: npm run build && npm run test:browser.
import { expect, test } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, hasChromium } from '../helpers/chromium.js';
import { runCli } from '../helpers/cli.js';

const SCREENSHOT = process.env.WTLINT_SCREENSHOT ?? join(tmpdir(), 'wtlint-check.png');
const root = join(import.meta.dirname, '..', '..');

test.skipIf(!hasChromium)('the check HTML page renders in Chromium with evidence marked and nothing run from the documents', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wtlint-check-html-'));
  copyFileSync(join(root, 'examples/riverside/arrangements.md'), join(dir, 'riverside.md'));
  copyFileSync(join(root, 'test/fixtures/html-page/hostile.md'), join(dir, 'hostile.md'));
  const run = await runCli(['check', 'riverside.md', 'hostile.md', '--as-of', '2026-11-23', '-f', 'html', '-o', 'page.html'], dir);
  expect(run.code).toBe(1);
  const page = `file://${join(dir, 'page.html')}`;

  chromium(['--screenshot=' + SCREENSHOT, '--window-size=1400,1800', page]);
  const png = readFileSync(SCREENSHOT);
  expect([png.subarray(1, 4).toString('latin1'), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', 1400, 1800]);

  const dom = chromium(['--dump-dom', page]);
  // The title is the page's own: the hostile area name never ran as a script.
  expect(dom.match(/<title>[^<]*<\/title>/)?.[0]).toBe('<title>wtlint check as of 2026-11-23</title>');
  expect(dom.match(/<script|<img/gi)).toEqual(null);
  expect(dom).toContain('# Arrangements of the &lt;img src=x onerror="document.title=1"&gt; partnership'); // text, not an element
  // Two documents, each with its text, what to add, elements and dates.
  expect(dom.match(/<section class="doc" id="d\d">/g)).toEqual(['<section class="doc" id="d1">', '<section class="doc" id="d2">']);
  expect(dom.match(/<h3>(?:What to add or fix|Elements|Dates checked)<\/h3>/g)).toHaveLength(6);
  // Funding in hostile.md is a placeholder-only section: marked partial at its heading, listed with why.
  expect(dom).toContain(
    '<tr><td>Funding</td><td class="st partial">partial</td><td>heading “Funding”: the section holds only a placeholder (<a href="#d1-L9">line 9</a>)</td></tr>',
  );
  expect(dom).toMatch(
    /<div class="ln" id="d1-L15"><a href="#d1-L15">15<\/a><span><mark class="present" title="Independent scrutiny: present">The independent scrutineer, "A &amp; B" &lt;b&gt;Reviews&lt;\/b&gt;/,
  );
  expect(dom.match(/<mark class="(?:present|partial|finding)"/g)!.length).toBeGreaterThan(40);
  process.stdout.write(`screenshot: ${SCREENSHOT}\n`);
});
