// Issue 6, part 1: property-based and fuzz tests over the whole pipeline. `npm test`
// runs a fast, seeded subset; `npm run fuzz` (vitest.fuzz.config.ts) sets
// WTLINT_FUZZ_RUNS high and a fresh seed, and prints how many inputs were tried.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anyBytes, anyDocument, markdownSoup, mutatedSample, SAMPLES, yamlMapping } from './robustness/arbitraries.js';
import { CONTROL, expectWellFormed, tried } from './robustness/invariants.js';
import { Chalk } from 'chalk';
import { FORMAT_NAMES } from '../src/report/index.js';
import { checkReporters as reporters } from './helpers/registries.js';
import { FORMAT_VALIDATORS } from './robustness/formats.js';
import { ruleMeta } from '../src/engine/engine.js';
import { linter, OPTIONS } from './robustness/helpers.js';
import { runCli } from './robustness/cli.js';
import type { DocumentResult } from '../src/types.js';

const RUNS = Number(process.env.WTLINT_FUZZ_RUNS ?? 30);
const params = (scale = 1): fc.Parameters<unknown> => ({
  numRuns: Math.max(1, Math.round(RUNS * scale)),
  ...(process.env.WTLINT_FUZZ_RUNS ? {} : { seed: 6 }),
});

afterAll(() => {
  if (process.env.WTLINT_FUZZ_RUNS) process.stdout.write(`\nwtlint fuzz: ${tried.count} inputs tried\n`);
});

/** Messages about undecodable bytes name a byte offset, which line endings shift; line and column must not move. */
function withoutByteOffsets(result: DocumentResult): DocumentResult {
  return { ...result, findings: result.findings.map((f) => ({ ...f, message: f.message.replace(/(byte|offset) \d+/g, '$1 N') })) };
}

describe('fuzz: the core never throws and always returns a well-formed result', () => {
  it('arbitrary bytes, as Markdown and as YAML', () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom('doc.md', 'doc.yaml'), (bytes, path) => {
        expectWellFormed(linter.lintBytes(path, bytes, OPTIONS), path);
      }),
      params(),
    );
  });

  it('arbitrary text, Markdown, YAML and mutated shipped documents', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        expectWellFormed(linter.lint(doc, OPTIONS), doc.path, doc.text);
      }),
      params(2),
    );
  });

  it('the same document gives the same result with LF, CRLF and lone-CR line endings', () => {
    const lfOnly = fc
      .oneof(
        markdownSoup.map((text) => ({ path: 'doc.md', text })),
        yamlMapping.map((text) => ({ path: 'doc.yaml', text })),
        mutatedSample,
      )
      .map((d) => ({ ...d, text: d.text.replace(/\r\n?/g, '\n') }));
    fc.assert(
      fc.property(lfOnly, (doc) => {
        const lint = (text: string) => withoutByteOffsets(linter.lintBytes(doc.path, new TextEncoder().encode(text), OPTIONS));
        const lf = lint(doc.text);
        expectWellFormed(lf, doc.path, doc.text);
        expect(lint(doc.text.replace(/\n/g, '\r\n'))).toEqual(lf);
        expect(lint(doc.text.replace(/\n/g, '\r'))).toEqual(lf);
      }),
      params(0.5),
    );
  });

  it('the CLI run in-process: exit 0 or 1, JSON that parses and matches the contract', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wtlint-fuzz-'));
    try {
      await fc.assert(
        fc.asyncProperty(anyDocument, async (doc) => {
          const file = join(dir, doc.path.endsWith('.md') ? 'doc.md' : 'doc.yaml');
          writeFileSync(file, doc.text);
          const { code, stdout, stderr } = await runCli(['check', file, '--format', 'json'], dir);
          const output = JSON.parse(stdout) as { version: number; documents: { file: string }[]; summary: { documents: number } };
          expect({
            code: code <= 1,
            stderr,
            version: output.version,
            files: output.documents.map((d) => d.file),
            documents: output.summary.documents,
          }).toEqual({
            code: true,
            stderr: '',
            version: 1,
            files: [file.slice(dir.length + 1)],
            documents: 1,
          });
          tried.count++;
        }),
        params(0.25),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every --format has a validator here (test/robustness/formats.ts)', () => {
    expect(FORMAT_NAMES.filter((name) => !FORMAT_VALIDATORS[name])).toEqual([]);
  });

  it('the output of every reporter stays valid (stylish: no control characters or workflow commands; json: parses)', () => {
    const ctx = { style: new Chalk({ level: 0 }), asOf: OPTIONS.asOf, cwd: '/', version: '0', rules: ruleMeta(linter), quiet: false };
    fc.assert(
      fc.property(fc.array(anyDocument, { minLength: 1, maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 12 }), (docs, name) => {
        const results = docs.map((d, i) => linter.lint({ ...d, path: `${name}${i}${d.path}` }, OPTIONS));
        for (const format of FORMAT_NAMES) FORMAT_VALIDATORS[format]!(reporters[format](results, ctx), results.length);
        tried.count += docs.length;
      }),
      params(0.25),
    );
  });

  it('every shipped document is well-formed as it is (the mutations start from these)', () => {
    expect(SAMPLES.length).toBe(35); // with the child death review examples and examples/fetch/areas.yaml
    for (const sample of SAMPLES) expectWellFormed(linter.lint(sample, OPTIONS), sample.path, sample.text);
  });
});
