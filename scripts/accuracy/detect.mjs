#!/usr/bin/env node
// Measures detection against a corpus of real published documents judged by hand.
//
//   node scripts/accuracy/detect.mjs <corpus-dir> [--truth <dir>] [--json <file>] [--cli <bin/wtlint.js>]
//                                    [--documents] [--quotes]
//
// <corpus-dir> holds texts/<id>.txt (each document's text as it was read from the page or the
// PDF, without front matter) and truth-a/<id>.yaml (a reader's verdict per element: present,
// absent or unclear, with a note; `(via contents)` in the note when only a contents entry shows
// it). --truth reads the truth tables from another folder (the settled ones in
// docs/accuracy/corpus/truth). Each text is checked by the built CLI (bin/wtlint.js) as it
// arrives, under a file name that gives its kind and with --edition from its truth table, so
// that detection is measured apart from inferring kind and edition.
//
// Reports precision, recall and F1 of "present" (wtlint `present` against the reader's
// `present`; `unclear` pairs are left out and counted) overall, per element and per document
// kind, with and without the elements a reader saw only in a contents entry, and lists every
// remaining miss and false "present" with its kind. Prints the documents' words only with
// --quotes (the evidence wtlint found), for reading while working: never for docs/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = new URL('../..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  args.splice(at, 2);
  return value;
};
const flag = (name) => {
  const at = args.indexOf(name);
  if (at !== -1) args.splice(at, 1);
  return at !== -1;
};
const truthOption = option('--truth');
const jsonOut = option('--json');
// Another build of wtlint (the "before" figures: a build of the commit measured against).
const cli = resolve(option('--cli') ?? join(root, 'bin', 'wtlint.js'));
const listDocuments = flag('--documents');
// The evidence's words are the document's: shown only on request, for reading in a session, never for docs/.
const showQuotes = flag('--quotes');
const corpus = args[0];
if (!corpus || args.length !== 1) {
  process.stderr.write(
    'usage: node scripts/accuracy/detect.mjs <corpus-dir> [--truth <dir>] [--json <file>] [--cli <bin/wtlint.js>] [--documents] [--quotes]\n',
  );
  process.exit(2);
}
const truthDir = resolve(truthOption ?? join(corpus, 'truth-a'));
const textsDir = resolve(corpus, 'texts');
for (const dir of [truthDir, textsDir]) {
  if (!existsSync(dir)) {
    process.stderr.write(`${dir}: no such folder; expected texts/ and truth-a/ in the corpus folder\n`);
    process.exit(2);
  }
}

const KINDS = new Set(['arrangements', 'yearly-report']);
const FILE_NAMES = { arrangements: 'arrangements.txt', 'yearly-report': 'yearly-report.txt' };

/** Truth tables of documents whose text is here, kind and edition known. */
const truths = readdirSync(truthDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(join(truthDir, f), 'utf8')))
  .filter((t) => t && KINDS.has(t.kind) && t.edition && existsSync(join(textsDir, `${t.id}.txt`)));

// One run of the CLI per edition, every document of that edition at once.
const work = mkdtempSync(join(tmpdir(), 'wtlint-accuracy-'));
const results = new Map();
try {
  const byEdition = new Map();
  for (const truth of truths) {
    const edition = String(truth.edition);
    const dir = join(work, edition, truth.id);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, FILE_NAMES[truth.kind]);
    copyFileSync(join(textsDir, `${truth.id}.txt`), file);
    byEdition.set(edition, [...(byEdition.get(edition) ?? []), { id: truth.id, file }]);
  }
  for (const [edition, docs] of byEdition) {
    const output = runCli(['check', ...docs.map((d) => d.file), '--edition', edition, '--as-of', '2026-01-01', '-f', 'json']);
    const report = JSON.parse(output);
    for (const document of report.documents) {
      const doc = docs.find((d) => resolve(d.file) === resolve(document.file) || resolve(d.file).endsWith(document.file));
      if (doc) results.set(doc.id, document);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function runCli(cliArgs) {
  try {
    return execFileSync(process.execPath, [cli, ...cliArgs], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    if (error.status === 1 && error.stdout) return error.stdout; // findings: exit 1
    throw error;
  }
}

// Pairs: one per (document, element) that the reader judged.
const pairs = [];
for (const truth of truths) {
  const result = results.get(truth.id);
  if (!result) {
    process.stderr.write(`${truth.id}: no result from wtlint\n`);
    continue;
  }
  for (const [element, judged] of Object.entries(truth.elements ?? {})) {
    const status = result.elements[element];
    if (status === undefined) continue; // not an element of this edition and kind
    const evidence = result.evidence[element] ?? [];
    pairs.push({
      id: truth.id,
      kind: truth.kind,
      edition: String(truth.edition),
      element,
      truth: judged.status,
      note: judged.note ?? '',
      contentsOnly: judged.status === 'present' && /\(via contents\)/i.test(judged.note ?? ''),
      status,
      via: [...new Set(evidence.map((e) => e.via))],
      evidence: evidence[0] ? `${evidence[0].via}, line ${evidence[0].line}${showQuotes ? `: ${evidence[0].text}` : ''}` : '',
    });
  }
}

function score(list) {
  const judged = list.filter((p) => p.truth === 'present' || p.truth === 'absent');
  const tp = judged.filter((p) => p.truth === 'present' && p.status === 'present').length;
  const fp = judged.filter((p) => p.truth === 'absent' && p.status === 'present').length;
  const fn = judged.filter((p) => p.truth === 'present' && p.status !== 'present').length;
  const precision = tp + fp ? tp / (tp + fp) : null;
  const recall = tp + fn ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall ? (2 * precision * recall) / (precision + recall) : null;
  return { pairs: judged.length, unclear: list.length - judged.length, tp, fp, fn, precision, recall, f1 };
}

const withoutContents = (list) => list.filter((p) => !p.contentsOnly);
const groupBy = (list, key) => {
  const groups = new Map();
  for (const p of list) groups.set(key(p), [...(groups.get(key(p)) ?? []), p]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
};

/** The kind of a miss, from what the reader's note says showed the element. */
function missKind(p) {
  const note = p.note.toLowerCase();
  if (/via contents|contents entr/.test(note)) return 'contents';
  if (/signature|signed/.test(note)) return 'signature';
  if (/\btitle\b/.test(note)) return 'title';
  if (/heading/.test(note)) return 'heading';
  if (/\blist\b|numbered list|bullet/.test(note)) return 'list';
  if (/\brole\b|chair/.test(note)) return 'role';
  if (/table/.test(note)) return 'table';
  return 'narrative';
}

const figures = {
  documents: new Set(pairs.map((p) => p.id)).size,
  all: score(pairs),
  withoutContentsOnly: score(withoutContents(pairs)),
  byKind: Object.fromEntries(
    groupBy(pairs, (p) => `${p.kind} ${p.edition}`).map(([k, list]) => [
      k,
      { all: score(list), withoutContentsOnly: score(withoutContents(list)) },
    ]),
  ),
  byElement: Object.fromEntries(
    groupBy(pairs, (p) => p.element).map(([k, list]) => [k, { all: score(list), withoutContentsOnly: score(withoutContents(list)) }]),
  ),
  misses: pairs
    .filter((p) => p.truth === 'present' && p.status !== 'present')
    .map((p) => ({
      id: p.id,
      kind: p.kind,
      edition: p.edition,
      element: p.element,
      status: p.status,
      missKind: missKind(p),
      note: p.note,
    })),
  falsePresent: pairs
    .filter((p) => p.truth === 'absent' && p.status === 'present')
    .map((p) => ({ id: p.id, kind: p.kind, edition: p.edition, element: p.element, evidence: p.evidence, note: p.note })),
};

if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(figures, null, 2)}\n`);

const fmt = (x) => (x === null ? '–' : x.toFixed(2));
const row = (name, s) => `| ${name} | ${s.pairs} | ${s.tp} | ${s.fp} | ${s.fn} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} |`;
const header = ['| | pairs | TP | FP | FN | precision | recall | F1 |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
const out = [];
out.push(`${figures.documents} documents, ${figures.all.pairs} judged pairs (${figures.all.unclear} unclear left out)`, '');
out.push(...header, row('all', figures.all), row('without contents-only', figures.withoutContentsOnly));
for (const [k, v] of Object.entries(figures.byKind))
  out.push(row(`${k}`, v.all), row(`${k}, without contents-only`, v.withoutContentsOnly));
out.push('', '### Per element', '', ...header);
for (const [k, v] of Object.entries(figures.byElement)) out.push(row(k, v.all));
out.push(
  '',
  `### Misses (${figures.misses.length})`,
  '',
  "| document | element | wtlint | kind | reader's note |",
  '| --- | --- | --- | --- | --- |',
);
for (const m of figures.misses) out.push(`| ${m.id} | ${m.element} | ${m.status} | ${m.missKind} | ${m.note.replace(/\|/g, '\\|')} |`);
out.push(
  '',
  `### False "present" (${figures.falsePresent.length})`,
  '',
  "| document | element | evidence | reader's note |",
  '| --- | --- | --- | --- |',
);
for (const m of figures.falsePresent)
  out.push(`| ${m.id} | ${m.element} | ${m.evidence.replace(/\|/g, '\\|').slice(0, 90)} | ${m.note.replace(/\|/g, '\\|')} |`);
if (listDocuments) {
  out.push('', '### Every pair', '', '| document | element | reader | wtlint | via |', '| --- | --- | --- | --- | --- |');
  for (const p of pairs)
    out.push(`| ${p.id} | ${p.element} | ${p.truth} | ${p.status} | ${showQuotes ? p.evidence.replace(/\|/g, '\\|') : p.via.join(', ')} |`);
}
process.stdout.write(`${out.join('\n')}\n`);
