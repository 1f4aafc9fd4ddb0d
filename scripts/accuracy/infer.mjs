#!/usr/bin/env node
// How often wtlint infers a real document's kind, edition, period and publication date right,
// with no front matter or sidecar. Each text of a corpus folder is linted as a saved web page
// (one paragraph per line, named after the last part of its address, as a browser saves it)
// and compared with the reader's truth table. Run after `npm run build`:
//
//   node scripts/accuracy/infer.mjs <corpus>            # <corpus>/texts/<id>.txt, index.tsv, truth-a/<id>.yaml
//   node scripts/accuracy/infer.mjs <corpus> --details  # also one line per document and key
//
// Undecided counts as wrong for kind and edition. A truth of `other` (neither arrangements nor a
// yearly report) is right only when wtlint infers no kind. The texts are read, never copied.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundledLinter } from '../../dist/src/engine/resources.js';
import { convertBody } from '../../dist/src/parse/convert/body.js';
import { parseConverted } from '../../dist/src/parse/document.js';
import { inferDocument } from '../../dist/src/extract/inference/infer.js';

const [folder, ...flags] = process.argv.slice(2);
if (!folder) {
  process.stderr.write('usage: node scripts/accuracy/infer.mjs <corpus folder> [--details] [--as-of YYYY-MM-DD]\n');
  process.exit(2);
}
const details = flags.includes('--details');
const asOfFlag = flags.indexOf('--as-of');
const asOf = asOfFlag >= 0 ? flags[asOfFlag + 1] : '2026-12-01';

const index = new Map();
const rows = readFileSync(join(folder, 'index.tsv'), 'utf8').trim().split('\n');
const header = rows.shift().split('\t');
for (const row of rows) {
  const cells = row.split('\t');
  const entry = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  index.set(entry.id, entry);
}

/** The name a saved page gets: the last part of its address, as .html. */
function savedName(url, id) {
  const last = (url ? new URL(url).pathname : '').split('/').filter(Boolean).pop() ?? '';
  const stem = decodeURIComponent(last).replace(/\.[a-z0-9]{1,5}$/i, '');
  return `${stem || id || 'index'}.html`;
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const toPage = (text) =>
  `<!doctype html><html><body><main>\n${text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => `<p>${escape(l)}</p>`)
    .join('\n')}\n</main></body></html>\n`;

const linter = bundledLinter();
const editions = linter.packs.map((p) => ({ edition: p.edition, ...p.in_force }));
const KEYS = ['kind', 'edition', 'period', 'published'];
const tally = Object.fromEntries(KEYS.map((k) => [k, { right: 0, wrong: 0, undecided: 0 }]));
const byTruth = {}; // kind verdicts per truth kind: arrangements, yearly-report, other
const lines = [];
let documents = 0;

const truthDir = join(folder, 'truth-a');
for (const file of readdirSync(truthDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const truth = parse(readFileSync(join(truthDir, file), 'utf8'));
  const id = truth.id ?? file.replace(/\.yaml$/, '');
  const textFile = join(folder, 'texts', `${id}.txt`);
  if (!existsSync(textFile)) continue;
  documents++;
  const name = savedName(index.get(id)?.url, id);
  const bytes = new TextEncoder().encode(toPage(readFileSync(textFile, 'utf8')));
  const result = await linter.lintFileBytes(name, bytes, { asOf });
  const converted = await convertBody('html', bytes);
  const inference = converted.ok
    ? inferDocument(parseConverted(name, 'html', converted.parts), { editions, asOf, rules: linter.reference.inference })
    : null;
  const period = inference?.period ? `${inference.period.value.start}..${inference.period.value.end}` : null;
  const published = inference?.published?.value.precision === 'day' ? inference.published.value.iso : null;
  const got = { kind: result.kind, edition: result.edition, period, published };
  const want = {
    kind: truth.kind === 'other' ? null : truth.kind,
    edition: truth.edition == null ? null : String(truth.edition),
    period: truth.period ? `${truth.period.start}..${truth.period.end}` : null,
    published: truth.published ?? null,
  };
  for (const key of KEYS) {
    const verdict = got[key] === want[key] ? 'right' : got[key] === null ? 'undecided' : 'wrong';
    tally[key][verdict]++;
    if (key === 'kind') {
      byTruth[truth.kind] ??= { right: 0, wrong: 0, undecided: 0 };
      byTruth[truth.kind][verdict]++;
    }
    if (details && verdict !== 'right') lines.push(`${id}\t${key}\t${verdict}\tgot ${got[key]}\twant ${want[key]}`);
  }
  if (details) {
    const finding = result.findings.find((f) => f.ruleId === 'document-metadata');
    lines.push(`${id}\t(${name})\t${finding ? finding.message : 'no inference finding'}`);
  }
}

const pct = (n) => (documents ? `${Math.round((1000 * n) / documents) / 10}%` : '-');
process.stdout.write(
  `${documents} documents, as of ${asOf}\n\n| key | right | wrong | undecided | right % |\n| --- | --- | --- | --- | --- |\n`,
);
for (const key of KEYS)
  process.stdout.write(`| ${key} | ${tally[key].right} | ${tally[key].wrong} | ${tally[key].undecided} | ${pct(tally[key].right)} |\n`);
process.stdout.write(
  `\nkind by the reader's kind:\n\n| truth | documents | right | wrong | undecided |\n| --- | --- | --- | --- | --- |\n`,
);
for (const [kind, t] of Object.entries(byTruth).sort())
  process.stdout.write(`| ${kind} | ${t.right + t.wrong + t.undecided} | ${t.right} | ${t.wrong} | ${t.undecided} |\n`);
if (details) process.stdout.write(`\n${lines.join('\n')}\n`);
