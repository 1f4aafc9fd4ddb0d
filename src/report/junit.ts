// --format junit: one testsuite per document, one testcase per requirement (ruleId),
// so names are unique and stable and passes are recorded: the JUnit view of GitLab or
// Jenkins becomes a coverage matrix (docs/ci-formats.md, JUnit XML).
//   error finding → <failure> (internal-error → <error>); element not applicable, or
//   every error accepted by the baseline → <skipped>; warnings, info and accepted
//   findings → <system-out>.
import type { Reporter, ReportContext } from './types.js';
import { visibleFindings } from './summary.js';
import { messageOf, placeOf } from './rule-info.js';
import { xmlAttr, xmlText } from '../escape/html.js';
import type { DocumentResult, Finding } from '../types.js';

interface Case {
  name: string;
  failures: Finding[];
  errors: Finding[];
  notes: Finding[];
  skipped?: string;
}

export const junit: Reporter = (results, ctx) => {
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites = results.map((result) => {
    const cases = casesOf(result, ctx);
    const counts = {
      tests: cases.length,
      failures: cases.filter((c) => c.failures.length && !c.errors.length).length,
      errors: cases.filter((c) => c.errors.length).length,
      skipped: cases.filter((c) => c.skipped !== undefined).length,
    };
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counts[key];
    const file = xmlAttr(result.file);
    const body = cases.map((c) => testcase(c, file));
    return [
      `  <testsuite name="${file}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="0">`,
      ...body,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="wtlint" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function casesOf(result: DocumentResult, ctx: ReportContext): Case[] {
  const cases = new Map<string, Case>();
  const get = (name: string): Case => {
    let c = cases.get(name);
    if (!c) cases.set(name, (c = { name, failures: [], errors: [], notes: [] }));
    return c;
  };
  const findings = visibleFindings(result, ctx.quiet);
  for (const f of findings) {
    const c = get(f.ruleId);
    if (f.severity === 'error' && !f.accepted) (f.ruleId === 'internal-error' ? c.errors : c.failures).push(f);
    else c.notes.push(f);
  }
  const ruleOfElement = new Map(findings.map((f) => [f.element, f.ruleId]));
  for (const [element, status] of Object.entries(result.elements)) {
    const rule = ctx.rules.find((r) => r.element === element && r.edition === result.edition);
    const c = get(rule?.ruleId ?? ruleOfElement.get(element) ?? element);
    if (status === 'not-applicable') c.skipped = 'Not applicable: the rule is turned off for this document';
  }
  for (const c of cases.values()) {
    if (c.skipped === undefined && !c.failures.length && !c.errors.length && c.notes.some((f) => f.accepted && f.severity === 'error')) {
      c.skipped = 'Accepted deviation (baseline)';
    }
  }
  return [...cases.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function testcase(c: Case, file: string): string {
  const open = `    <testcase classname="${file}" name="${xmlAttr(c.name)}" file="${file}" time="0"`;
  const inner: string[] = [];
  const first = c.errors[0] ?? c.failures[0];
  if (first) {
    const tag = c.errors.length ? 'error' : 'failure';
    const listed = c.errors.length ? c.errors : c.failures;
    inner.push(
      `      <${tag} message="${xmlAttr(first.message)}" type="${first.severity}">${xmlText(listed.map(describe).join('\n\n'))}</${tag}>`,
    );
  } else if (c.skipped !== undefined) {
    inner.push(`      <skipped message="${xmlAttr(c.skipped)}"/>`);
  }
  if (c.notes.length) inner.push(`      <system-out>${xmlText(c.notes.map(describe).join('\n\n'))}</system-out>`);
  return inner.length ? `${open}>\n${inner.join('\n')}\n    </testcase>` : `${open}/>`;
}

function describe(f: Finding): string {
  return `${placeOf(f)} ${f.severity} ${messageOf(f)}\n${f.citation}\nWhat to add: ${f.help}`;
}
