#!/usr/bin/env node
// The parse-only baseline, run as its own process the way wtlint is: read and decode every .md
// file under DIR, parse it with unified + remark-parse + remark-frontmatter, and parse the front
// matter with yaml (parseDocument, which keeps the ranges a linter needs for line numbers), then
// drop it all. What any front-matter + Markdown checker pays before it checks anything.
//
//   node test/bench/baseline-parse.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parseDocument } from 'yaml';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node test/bench/baseline-parse.mjs DIR\n');
  process.exit(2);
}
const files = readdirSync(dir, { recursive: true })
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => join(dir, f));
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const decoder = new TextDecoder();
let bytes = 0;
let frontMatter = 0;
for (const file of files) {
  const data = readFileSync(file);
  bytes += data.length;
  const tree = processor.parse(decoder.decode(data));
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    frontMatter++;
    const doc = parseDocument(first.value);
    if (doc.errors.length === 0) doc.toJS();
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, frontMatter })}\n`);
