import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
const D='../../dist/src/';
const { parseDocument } = await import(D+'parse/document.js');
const { bundledLinter } = await import(D+'cli/resources.js');
const dir = process.argv[2];
const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => join(e.parentPath, e.name)).sort();
const texts = files.map(f => [f, readFileSync(f, 'utf8')]);
const linter = bundledLinter();
const phases = {
  parse: () => { for (const [f,t] of texts) parseDocument({ path: f, text: t }); },
  lint: () => { for (const [f,t] of texts) linter.lint({ path: f, text: t }, { asOf: '2026-11-23' }); },
};
const res = { parse: [], lint: [] };
for (let r = 0; r < Number(process.argv[3] ?? 5); r++) for (const k of ['parse', 'lint']) { const c = process.cpuUsage(); phases[k](); const u = process.cpuUsage(c); res[k].push((u.user + u.system) / 1000); }
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
console.log('parse', med(res.parse).toFixed(0), 'lint', med(res.lint).toFixed(0), 'extra', (med(res.lint) - med(res.parse)).toFixed(0));
