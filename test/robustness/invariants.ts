// What must hold for every document wtlint is given, however broken.
import { expect } from 'vitest';
import type { DocumentResult, Finding } from '../../src/types.js';

/** Characters no message may carry: they could start a CI workflow command or drive a terminal. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const SEVERITIES = new Set(['error', 'warning', 'info']);
const STATUSES = new Set(['present', 'partial', 'missing', 'not-applicable']);

/** Counts every input tried, for the figures in docs/robustness.md. */
export const tried = { count: 0 };

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** A well-formed result: plain JSON, known severities and statuses, positions inside the document, no internal error. */
export function expectWellFormed(result: DocumentResult, path: string, text?: string): void {
  tried.count++;
  const lines = text === undefined ? Infinity : lineCount(text);
  const problems = [
    ...(result.file === path ? [] : [`file ${result.file}`]),
    ...Object.values(result.elements)
      .filter((s) => !STATUSES.has(s))
      .map((s) => `status ${s}`),
    ...result.findings.flatMap((f) => findingProblems(f, lines)),
  ];
  expect(problems).toEqual([]);
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  expect(Object.prototype).toEqual({});
}

function findingProblems(f: Finding, lines: number): string[] {
  const bad = [
    f.ruleId === 'internal-error' && 'internal error',
    !SEVERITIES.has(f.severity) && 'severity',
    !(typeof f.ruleId === 'string' && f.ruleId && typeof f.messageId === 'string' && f.messageId) && 'ids',
    !(f.message && f.citation && f.help) && 'text',
    CONTROL.test(f.message) && `control character in ${JSON.stringify(f.message)}`,
    /\{\{|\}\}/.test(f.message) && `unfilled placeholder in ${JSON.stringify(f.message)}`,
    !(Number.isInteger(f.line) && f.line >= 1 && f.line <= lines) && `line ${f.line} of ${lines}`,
    !(Number.isInteger(f.column) && f.column >= 1) && `column ${f.column}`,
  ].filter((x): x is string => typeof x === 'string');
  return bad.map((b) => `${f.ruleId}/${f.messageId} at ${f.line}:${f.column}: ${b}${b === 'internal error' ? ` (${f.message})` : ''}`);
}
