#!/usr/bin/env node
// Settles two independent readings of the corpus into one truth table per document.
//
//   node scripts/accuracy/settle.mjs <corpus-dir> [--out docs/accuracy/corpus]
//
// Reads <corpus-dir>/truth-a/*.yaml and truth-b/*.yaml (the two readers' verdicts) and
// docs/accuracy/corpus/settlements.tsv (how each disagreement was settled, and why), and writes
// <out>/truth/<id>.yaml (the settled truth, reader A's notes kept) and <out>/index.tsv (the
// documents' addresses). Prints the count of disagreements; fails on one that has no settlement.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

const root = new URL('../..', import.meta.url).pathname;
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt === -1 ? join(root, 'docs', 'accuracy', 'corpus') : args.splice(outAt, 2)[1]);
const corpus = args[0];
if (!corpus || args.length !== 1) {
  process.stderr.write('usage: node scripts/accuracy/settle.mjs <corpus-dir> [--out <dir>]\n');
  process.exit(2);
}

const read = (dir, file) => parse(readFileSync(join(corpus, dir, file), 'utf8'));
const settlements = new Map();
let editionFromA = false;
for (const line of readFileSync(join(out, 'settlements.tsv'), 'utf8').split('\n').slice(1)) {
  if (!line.trim()) continue;
  const [id, element, settled, why] = line.split('\t');
  if (id === '*' && element === 'edition') editionFromA = settled === 'a';
  else settlements.set(`${id} ${element}`, { settled, why });
}

mkdirSync(join(out, 'truth'), { recursive: true });
const counts = {
  documents: 0,
  pairs: 0,
  disagreements: 0,
  edition: 0,
  kind: 0,
  settledToPresent: 0,
  settledToAbsent: 0,
  settledToUnclear: 0,
};
const unsettled = [];
for (const file of readdirSync(join(corpus, 'truth-a'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const a = read('truth-a', file);
  const b = existsSync(join(corpus, 'truth-b', file)) ? read('truth-b', file) : null;
  if (!b) {
    unsettled.push(`${a.id}: no second reading`);
    continue;
  }
  counts.documents++;
  if (a.kind !== b.kind) counts.kind++;
  if (String(a.edition) !== String(b.edition)) {
    counts.edition++;
    if (!editionFromA) unsettled.push(`${a.id}: edition ${a.edition} against ${b.edition}`);
  }
  const elements = {};
  for (const [element, judged] of Object.entries(a.elements ?? {})) {
    counts.pairs++;
    const other = b.elements?.[element];
    if (!other) {
      // Only where B read another edition, which has no such element: A's reading stands.
      elements[element] = judged;
      counts.disagreements++;
      continue;
    }
    if (other.status === judged.status) {
      elements[element] = judged;
      continue;
    }
    counts.disagreements++;
    const settlement = settlements.get(`${a.id} ${element}`);
    if (!settlement) {
      unsettled.push(`${a.id} ${element}: ${judged.status} against ${other.status}`);
      continue;
    }
    counts[`settledTo${settlement.settled[0].toUpperCase()}${settlement.settled.slice(1)}`]++;
    elements[element] = { status: settlement.settled, note: `${judged.note} [A ${judged.status}, B ${other.status}: ${settlement.why}]` };
  }
  writeFileSync(join(out, 'truth', file), stringify({ ...a, elements }, { lineWidth: 0 }));
}
copyFileSync(join(corpus, 'index.tsv'), join(out, 'index.tsv'));
if (unsettled.length) {
  process.stderr.write(`Not settled:\n${unsettled.map((u) => `  ${u}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(counts)}\n`);
