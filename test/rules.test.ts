// Every element rule with detection data, run on small realistic documents: one where the
// element is addressed, one where it is missing or only mentioned in passing, and (where the
// rule can find it half done) one where it is only partly addressed. Cases are data in
// test/fixtures/rules/<pack>.yaml; each pins the element status and the rule's exact findings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledLinter, PACK_IDS } from '../src/engine/resources.js';
import type { DocumentKind, ElementStatus, Severity } from '../src/types.js';

interface ExpectedFinding {
  messageId: string;
  severity: Severity;
  line: number;
  column: number;
}

interface RuleCase {
  element: string;
  kind: DocumentKind;
  name: string;
  text: string;
  status: ElementStatus;
  findings: ExpectedFinding[];
}

const AS_OF = '2026-11-23';
const fixtures = join(import.meta.dirname, 'fixtures', 'rules');
const linter = bundledLinter();

function casesOf(pack: string): RuleCase[] {
  return parse(readFileSync(join(fixtures, `${pack}.yaml`), 'utf8')) as RuleCase[];
}

for (const packId of PACK_IDS) {
  const pack = linter.packs.find((p) => p.pack === packId)!;
  const cases = casesOf(packId);
  const detected = pack.rules.filter((r) => r.detect);

  describe(`${packId} element rules`, () => {
    for (const c of cases) {
      it(`${c.element} (${c.kind}): ${c.name}`, () => {
        const result = linter.lint({ path: 'case.md', text: c.text }, { asOf: AS_OF });
        expect({ kind: result.kind, edition: result.edition }).toEqual({ kind: c.kind, edition: pack.edition });
        expect(result.elements[c.element]).toBe(c.status);
        const findings = result.findings
          .filter((f) => f.ruleId === `${packId}/${c.element}`)
          .map((f) => ({ messageId: f.messageId, severity: f.severity, line: f.line, column: f.column }));
        expect(findings).toEqual(c.findings);
      });
    }
  });

  describe(`${packId} rule coverage`, () => {
    it('every case names an element rule with detection data for its kind', () => {
      const unknown = cases
        .filter((c) => !detected.some((r) => r.element === c.element && r.applies_to.includes(c.kind)))
        .map((c) => `${c.element} (${c.kind}): ${c.name}`);
      expect(unknown).toEqual([]);
    });

    it('every rule with detection data has a passing and a failing case for each of its kinds', () => {
      const gaps: string[] = [];
      for (const rule of detected) {
        for (const kind of rule.applies_to) {
          const mine = cases.filter((c) => c.element === rule.element && c.kind === kind);
          if (!mine.some((c) => c.findings.length === 0 && c.status === 'present')) gaps.push(`${rule.element} (${kind}): no passing case`);
          if (!mine.some((c) => c.findings.length > 0)) gaps.push(`${rule.element} (${kind}): no failing case`);
        }
      }
      expect(gaps).toEqual([]);
    });

    it('every rule has a citation and help', () => {
      const bare = pack.rules.filter((r) => !r.citation.trim() || !r.help.trim()).map((r) => r.element);
      expect(bare).toEqual([]);
    });
  });
}
