// fast-check arbitraries for hostile and broken documents (the robustness tests): bytes, text,
// YAML, Markdown and mutations of the documents the project ships.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { sampleDocuments } from './helpers.js';

export const SAMPLES = sampleDocuments();

/** Keys a front matter may hold: the contract's own, prototype-polluting ones and noise. */
const KEYS = [
  'kind',
  'area',
  'edition',
  'published',
  'period',
  'start',
  'end',
  'partners',
  'type',
  'name',
  'scrutiny',
  'funding',
  'contributions',
  'relevant_agencies',
  'effective',
  'submitted',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  '*',
  '-',
  '0',
  'ü',
];
const SCALARS: fc.Arbitrary<unknown>[] = [
  fc.constantFrom(
    'arrangements',
    'yearly-report',
    '2018',
    '2023',
    2018,
    2023,
    '2024-11-29',
    '2024-02-30',
    '9999-12-31',
    '0000-01-01',
    'TBC',
    '',
    null,
    true,
    0,
    -1,
    1e308,
    NaN,
  ),
  fc.string({ maxLength: 20 }),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.integer(),
];

export const frontMatterValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, ...SCALARS, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
})).value;

/** A front matter mapping built from real keys (including __proto__), serialised by the yaml library. */
export const yamlMapping = fc
  .dictionary(fc.constantFrom(...KEYS), frontMatterValue, { maxKeys: 8 })
  .map((data) => stringify(data, { aliasDuplicateObjects: false }));

const YAML_TOKENS = [
  '---',
  '...',
  ':',
  ': ',
  '- ',
  '? ',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '<<: *a',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '\\',
  '|',
  '>',
  '|-',
  '#',
  '%YAML 1.2',
  '%TAG ! tag:x,2024:',
  '!!str ',
  '!!binary ',
  '!!set ',
  '!x ',
  'kind',
  'arrangements',
  'edition',
  '2023',
  'published',
  '2024-11-29',
  '__proto__',
  'constructor',
  'prototype',
  '\t',
  ' ',
  '  ',
  '    ',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '😀',
  '\uD800',
  'é',
  'null',
  '~',
  '.inf',
  '0x1F',
  '1e9999',
];
/** YAML-like token soup: reaches the parser's error paths. */
export const yamlSoup = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((t) => t.join(''));

const MARKDOWN_TOKENS = [
  '# ',
  '## ',
  '###### ',
  '####### ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '> ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '1) ',
  '   ',
  '    ',
  '\t',
  '*',
  '**',
  '_',
  '__',
  '`',
  '```',
  '~~~',
  '[',
  ']',
  '](',
  '(',
  ')',
  '![',
  '<',
  '>',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<script>',
  '&amp;',
  '&#0;',
  '|',
  '| --- |',
  '---',
  '===',
  '\\',
  'https://x.invalid',
  'independent scrutiny',
  'Independent scrutineer',
  'funding',
  'The safeguarding partners are',
  'the local authority, the ICB and the police',
  'e.g.',
  '. ',
  '? ',
  '; ',
  'TBC',
  '[To be added]',
  'yearly report',
  'child',
  'voice',
  '😀',
  'é',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '\u00a0',
  '\uD800',
  '\uDC00',
  'x'.repeat(200),
  ' '.repeat(50),
];
/** Markdown-like token soup, with or without a front matter block. */
export const markdownSoup = fc
  .tuple(fc.option(fc.oneof(yamlMapping, yamlSoup), { nil: undefined }), fc.array(fc.constantFrom(...MARKDOWN_TOKENS), { maxLength: 80 }))
  .map(([fm, body]) => (fm === undefined ? body.join('') : `---\n${fm}\n---\n${body.join('')}`));

/** Edits applied to a shipped document: insertions of hostile fragments, deletions, duplications, cuts. */
const mutation = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...YAML_TOKENS, ...MARKDOWN_TOKENS), fc.string({ unit: 'grapheme', maxLength: 30 })),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('line-endings' as const), eol: fc.constantFrom('\r\n', '\r') }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function applyMutation(text: string, m: Mutation): string {
  if (m.op === 'line-endings') return text.replace(/\n/g, m.eol);
  const at = text.length ? m.at % (text.length + 1) : 0;
  switch (m.op) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'truncate':
      return text.slice(0, at);
  }
}

export const mutatedSample = fc
  .tuple(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([sample, mutations]) => ({ path: sample.path, text: mutations.reduce(applyMutation, sample.text) }));

/** Any of the text generators, with a Markdown or YAML file name. */
export const anyDocument = fc.oneof(
  fc.record({
    path: fc.constantFrom('doc.md', 'doc.yaml', 'arrangements.md', 'yearly-report.yml'),
    text: fc.string({ unit: 'binary', maxLength: 400 }),
  }),
  fc.record({ path: fc.constant('doc.md'), text: markdownSoup }),
  fc.record({ path: fc.constant('doc.yaml'), text: fc.oneof(yamlMapping, yamlSoup) }),
  mutatedSample,
);

export const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  // Byte-order marks and near-UTF-8 prefixes in front of random bytes.
  fc
    .tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xc3], [0xf0, 0x9f], []), fc.uint8Array({ maxLength: 300 }))
    .map(([head, tail]) => Uint8Array.from([...head, ...tail])),
  // A shipped document, encoded, with a few bytes flipped.
  fc
    .tuple(fc.constantFrom(...SAMPLES), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
    .map(([sample, flips]) => {
      const bytes = new TextEncoder().encode(sample.text);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      return bytes;
    }),
);
