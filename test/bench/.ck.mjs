import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
const main = () => { const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'); const x = f.slice(f.lastIndexOf(')') + 2).split(' '); return (Number(x[11]) + Number(x[12])) * 10; };
const marks = [['start', main()]];
const mode = process.argv[3];
const dir = process.argv[2];
const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => join(e.parentPath, e.name)).sort();
if (mode === 'lint') {
  const { bundledLinter } = await import('../../dist/src/cli/resources.js');
  marks.push(['import', main()]);
  const l = bundledLinter(); marks.push(['linter', main()]);
  const res = files.map(f => l.lintBytes(f, readFileSync(f), { asOf: '2026-11-23' })); marks.push(['lint', main()]);
  JSON.stringify(res); marks.push(['json', main()]);
} else if (mode === 'parse') {
  const { parseDocument } = await import('../../dist/src/parse/document.js');
  marks.push(['import', main()]);
  for (const f of files) parseDocument({ path: f, text: readFileSync(f, 'utf8') }); marks.push(['parse', main()]);
} else {
  const { parse } = await import('yaml'); const { unified } = await import('unified'); const { default: rp } = await import('remark-parse');
  marks.push(['import', main()]);
  const p = unified().use(rp);
  for (const f of files) { const t = readFileSync(f, 'utf8'); const fm = /^---\n([\s\S]*?)\n---\n/.exec(t); try { if (fm) parse(fm[1]); } catch {} p.parse(fm ? t.slice(fm[0].length) : t); }
  marks.push(['base', main()]);
}
console.log(mode, marks.map(([k, v], i) => `${k} ${i ? v - marks[i - 1][1] : v}`).join(' | '));
