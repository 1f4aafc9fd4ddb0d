// A deterministic corpus for `npm run bench`: N areas, each with an arrangements document and a
// yearly report of 8–40 KB, assembled from sections of the documents in examples/ and
// test/fixtures/prose/ with varied headings and wording. A few are broken (bad YAML, binary,
// empty) and a few yearly reports are late. Same seed and N → byte-identical files; the first
// N/2 areas of a corpus of N are the corpus of N/2.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const between = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

function sourceFiles(root) {
  const files = [];
  for (const area of readdirSync(join(root, 'examples'), { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const f of readdirSync(join(root, 'examples', area.name))) if (f.endsWith('.md')) files.push(join(root, 'examples', area.name, f));
  }
  for (const f of readdirSync(join(root, 'test/fixtures/prose')))
    if (f.endsWith('.md') && f !== 'README.md') files.push(join(root, 'test/fixtures/prose', f));
  return files.sort();
}

/** Sections (a heading and what follows up to the next heading) of every source, by document kind. */
export function loadSections(root) {
  const pools = { arrangements: [], 'yearly-report': [] };
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
    const kind = /^kind:\s*(\S+)/m.exec(fm?.[1] ?? '')?.[1];
    if (!kind || !pools[kind]) continue;
    const area = /^area:\s*(.+)$/m.exec(fm[1])?.[1]?.trim() ?? '';
    const placeName = area.replace(/\s+(Safeguarding|Children|Partnership).*$/, '');
    const body = text.slice(fm[0].length);
    const parts = body.split(/\n(?=#{1,4} )/);
    for (const part of parts) {
      const heading = /^(#{1,4}) (.*)/.exec(part);
      if (!heading || heading[1].length === 1) continue; // the title is generated
      const rest = part.slice(heading[0].length).trim();
      if (rest.length < 80) continue;
      pools[kind].push({
        depth: heading[1].length,
        heading: heading[2].replace(/^\d+[.)]\s*/, ''),
        text: placeName ? rest.split(placeName).join('{{place}}') : rest,
      });
    }
  }
  return pools;
}

const SYLLABLES = [
  'ash',
  'bar',
  'brook',
  'cal',
  'der',
  'east',
  'fen',
  'gate',
  'hol',
  'ing',
  'ker',
  'lin',
  'mar',
  'ness',
  'or',
  'pen',
  'quar',
  'ridge',
  'stow',
  'thorn',
  'ul',
  'ver',
  'wick',
  'yar',
  'ford',
  'ham',
  'ley',
  'mouth',
  'bury',
  'field',
];
const HEADING_PREFIXES = ['', '', '', 'Our ', 'The ', 'How we handle ', 'About ', 'Section: '];
const HEADING_SUFFIXES = ['', '', '', ' in {{place}}', ' arrangements', ' (summary)', ' and next steps'];
const SUBSTITUTIONS = [
  [/\bpartners\b/g, ['partners', 'partner agencies', 'safeguarding partners']],
  [/\bchildren\b/g, ['children', 'children and young people', 'young people']],
  [/\bwe\b/g, ['we', 'we', 'the partnership']],
  [/\bpractitioners\b/g, ['practitioners', 'staff', 'front-line workers']],
  [/\bschools\b/g, ['schools', 'schools and colleges', 'education settings']],
  [/\breview\b/g, ['review', 'review', 'audit']],
];

function areaName(index) {
  const rand = prng(0x5eed ^ (index * 7919));
  const name = Array.from({ length: between(rand, 2, 3) }, () => pick(rand, SYLLABLES)).join('');
  return `${name[0].toUpperCase()}${name.slice(1)}${index}`;
}

function vary(rand, text) {
  let out = text;
  for (const [pattern, choices] of SUBSTITUTIONS) {
    if (rand() < 0.5) out = out.replace(pattern, () => pick(rand, choices));
  }
  return out;
}

function body(rand, pool, place, targetBytes) {
  let out = '';
  let n = 0;
  while (out.length < targetBytes) {
    const s = pick(rand, pool);
    n++;
    const numbered = rand() < 0.3 ? `${n}. ` : '';
    const heading = `${pick(rand, HEADING_PREFIXES)}${s.heading}${pick(rand, HEADING_SUFFIXES)}`.replace('{{place}}', place);
    out += `${'#'.repeat(Math.max(2, s.depth))} ${numbered}${heading}\n\n${vary(rand, s.text).split('{{place}}').join(place)}\n\n`;
  }
  return out;
}

const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** One document's text; `size` forces the target size in bytes (for the linear-growth check). */
export function makeDocument(pools, index, kind, size) {
  const rand = prng(0xc0ffee ^ (index * 104729) ^ (kind === 'arrangements' ? 1 : 2));
  const place = areaName(index);
  const area = `${place} Safeguarding Children Partnership`;
  const edition = rand() < 0.35 ? 2018 : 2023;
  const target = size ?? between(rand, 8 * 1024, 40 * 1024);
  let fm;
  let title;
  if (kind === 'arrangements') {
    const year = edition === 2018 ? between(rand, 2019, 2023) : between(rand, 2024, 2025);
    fm = `kind: arrangements\narea: ${area}\nedition: ${edition}\npublished: ${iso(year, between(rand, 1, 12), between(rand, 1, 28))}\n`;
    title = `${area}\n\n## Multi-agency safeguarding arrangements`;
  } else {
    const start = edition === 2018 ? between(rand, 2020, 2023) : between(rand, 2024, 2025);
    const late = rand() < 0.05; // published more than a year after the period ends
    const pub = late
      ? iso(start + 2, between(rand, 6, 12), between(rand, 1, 28))
      : iso(start + 1, between(rand, 6, 10), between(rand, 1, 28));
    fm = `kind: yearly-report\narea: ${area}\nedition: ${edition}\npublished: ${pub}\nperiod: { start: ${iso(start, 4, 1)}, end: ${iso(start + 1, 3, 31)} }\n`;
    title = `${area}\n\n## Yearly report ${start} to ${start + 1}`;
  }
  const head = `---\n${fm}---\n\n# ${title}\n\n`;
  return head + body(rand, pools[kind], place, target - head.length);
}

/** Writes the corpus; returns { files, bytes }. */
export function writeCorpus(root, dir, areas) {
  const pools = loadSections(root);
  let files = 0;
  let bytes = 0;
  for (let i = 0; i < areas; i++) {
    const areaDir = join(dir, 'areas', `area-${String(i).padStart(4, '0')}`);
    mkdirSync(areaDir, { recursive: true });
    const rand = prng(0xbad ^ (i * 31));
    const broken = rand() < 0.01 ? pick(rand, ['yaml', 'binary', 'empty']) : null;
    for (const kind of ['arrangements', 'yearly-report']) {
      let content = makeDocument(pools, i, kind);
      if (broken && kind === 'yearly-report') {
        if (broken === 'yaml') content = content.replace('period: {', 'period: { start: [');
        else if (broken === 'empty') content = '';
      }
      const data =
        broken === 'binary' && kind === 'yearly-report'
          ? Buffer.from(Array.from({ length: 4096 }, (_, j) => (j * 37 + i) & 0xff))
          : Buffer.from(content);
      writeFileSync(join(areaDir, `${kind}.md`), data);
      files++;
      bytes += data.length;
    }
  }
  return { files, bytes };
}
