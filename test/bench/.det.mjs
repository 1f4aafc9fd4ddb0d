import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
const D='../../dist/src/';
const { parseDocument } = await import(D+'parse/document.js');
const { detectElements } = await import(D+'extract/elements.js');
const { bundledLinter } = await import(D+'cli/resources.js');
const dir = process.argv[2];
const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => join(e.parentPath, e.name)).sort();
const docs = files.map(f => parseDocument({ path: f, text: readFileSync(f, 'utf8') }));
const pack = bundledLinter().packs[1];
const targets = pack.rules.filter(r => r.detection && r.kinds.includes('arrangements')).map(r => ({ element: r.element, detection: r.detection }));
const times = [];
for (let r = 0; r < 15; r++) { const c = process.cpuUsage(); for (const d of docs) detectElements(d, targets, pack.placeholderPatterns); const u = process.cpuUsage(c); times.push((u.user + u.system) / 1000); }
times.sort((a, b) => a - b); console.log('detect min', times[0].toFixed(0), 'median', times[7].toFixed(0));
