// Audit reads saved web pages (and Word documents) in area folders the same way check does:
// converted, with their sidecar metadata.
import { describe, expect, it } from 'vitest';
import { cli, tempFolder } from './helpers/cli.js';

const PAGE = `<!doctype html><html><head><title>Arrangements</title><script>track()</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main>
<h1>Eastholm Safeguarding Children Partnership: our arrangements</h1>
<h2>Independent scrutiny</h2>
<p>Our independent scrutineer reviews the yearly report and reports to the lead safeguarding partners.</p>
<h2>Funding</h2>
<p>TBC</p>
</main>
<footer>© Eastholm Council</footer></body></html>
`;

describe('audit and converted documents', () => {
  it('checks an HTML page in an area folder, with its sidecar metadata', async () => {
    const dir = tempFolder({
      'areas/eastholm/arrangements.html': PAGE,
      'areas/eastholm/arrangements.html.yaml': 'kind: arrangements\narea: Eastholm\nedition: 2023\npublished: 2024-11-01\n',
    });
    const { code, stdout } = await cli(dir, ['audit', 'areas', '-f', 'json', '--as-of', '2026-11-23']);
    const report = JSON.parse(stdout) as {
      areas: { name: string; documents: { file: string; kind: string; edition: string; elements: Record<string, string> }[] }[];
    };
    const doc = report.areas[0]!.documents[0]!;
    expect([doc.file, doc.kind, doc.edition, doc.elements['independent-scrutiny'], doc.elements.funding, doc.elements.vcse]).toEqual([
      'eastholm/arrangements.html',
      'arrangements',
      '2023',
      'present',
      'partial',
      'missing',
    ]);
    expect(code).toBe(1);
  });
});
