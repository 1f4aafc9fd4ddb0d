// Plain text as real documents arrive, each case a structure seen in more than one
// partnership's text (test/fixtures/real-prose/cases.yaml): the element's status and the kind
// of evidence that shows it. Every case records what wtlint said before these passes and cues.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintText } from './helpers.js';
import type { DocumentKind, ElementStatus, EvidenceKind } from '../src/types.js';

interface Case {
  name: string;
  kind: DocumentKind;
  edition: string;
  element: string;
  status: ElementStatus;
  via: EvidenceKind | null;
  before: ElementStatus;
  text: string;
}

const cases = parse(readFileSync(join(import.meta.dirname, 'fixtures', 'real-prose', 'cases.yaml'), 'utf8')) as Case[];

describe('plain text as published documents arrive', () => {
  for (const c of cases) {
    it(`${c.element} (${c.kind} ${c.edition}): ${c.name}`, () => {
      // Without front matter the kind comes from the file name, as a saved page's would.
      const path = c.text.startsWith('---') ? 'case.md' : `${c.kind}.txt`;
      const result = lintText(path, c.text, { edition: c.edition });
      expect({ kind: result.kind, edition: result.edition }).toEqual({ kind: c.kind, edition: c.edition });
      expect({ status: result.elements[c.element], via: result.evidence[c.element]?.[0]?.via ?? null }).toEqual({
        status: c.status,
        via: c.via,
      });
    });
  }

  it('records a change for every case', () => {
    expect(cases.filter((c) => c.status === c.before && c.via !== null).map((c) => c.name)).toEqual([]);
  });
});
