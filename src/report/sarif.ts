// --format sarif: SARIF 2.1.0 as GitHub code scanning accepts it (docs/ci-formats.md, SARIF).
// One run; the rules that have results, sorted by id, so ruleIndex and ruleId always agree.
import { pathToFileURL } from 'node:url';
import { inPieces, prettyJsonPieces, StreamedArray } from './json-pieces.js';
import { visibleFindings } from './summary.js';
import { fingerprints } from './fingerprint.js';
import { acceptedNote, messageOf, ruleInfo, type RuleInfo } from './rule-info.js';
import type { Finding, Severity } from '../types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const MAX_DESCRIPTION = 1024;

export const sarif = inPieces(function* (results, ctx) {
  const rules = new Map<string, RuleInfo>();
  for (const result of results)
    for (const f of visibleFindings(result, ctx.quiet)) if (!rules.has(f.ruleId)) rules.set(f.ruleId, ruleInfo(f, ctx));
  const ids = [...rules.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));

  // Each document's results are made as they are written.
  const sarifResults = new StreamedArray(function* () {
    for (const result of results) {
      const findings = visibleFindings(result, ctx.quiet);
      const prints = fingerprints(result.file, findings);
      for (let i = 0; i < findings.length; i++) yield toResult(findings[i]!, result.file, index.get(findings[i]!.ruleId)!, prints[i]!);
    }
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wtlint',
            version: ctx.version,
            semanticVersion: ctx.version,
            rules: ids.map((id) => toRule(rules.get(id)!)),
          },
        },
        automationDetails: { id: 'wtlint/' },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  yield* prettyJsonPieces(log);
  yield '\n';
});

function toRule(rule: RuleInfo) {
  const source = rule.url ? `[${rule.citation}](${rule.url})` : rule.citation;
  return {
    id: rule.ruleId,
    name: pascalCase(rule.element),
    shortDescription: { text: clip(rule.title) },
    fullDescription: { text: clip(rule.why) },
    help: {
      text: `${rule.help}\n\nSource: ${rule.citation}${rule.url ? ` (${rule.url})` : ''}\n\nWhy it matters: ${rule.why}`,
      markdown: `**What to add:** ${rule.help}\n\n**Source:** ${source}\n\n**Why it matters:** ${rule.why}`,
    },
    ...(rule.url ? { helpUri: rule.url } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [rule.ruleId.includes('/') ? rule.ruleId.slice(0, rule.ruleId.indexOf('/')) : 'wtlint'] },
  };
}

function toResult(f: Finding, file: string, ruleIndex: number, print: { hash: string; occurrence: number }) {
  const note = acceptedNote(f);
  const region: Record<string, number> = { startLine: f.line, startColumn: f.column };
  if (f.endLine !== undefined && f.endColumn !== undefined) Object.assign(region, { endLine: f.endLine, endColumn: f.endColumn });
  return {
    ruleId: f.ruleId,
    ruleIndex,
    // An accepted deviation is a note, so GitHub (which ignores `suppressions`) does not fail a check on it.
    level: f.accepted ? 'note' : LEVEL[f.severity],
    message: { text: messageOf(f) },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file) }, region } }],
    partialFingerprints: { primaryLocationLineHash: `${print.hash.slice(0, 32)}:${print.occurrence}` },
    // A PDF's page: SARIF regions have none, so it is a property (the region counts lines of the recovered text).
    ...(f.page !== undefined && { properties: { page: f.page } }),
    ...(f.accepted ? { suppressions: [{ kind: 'external', status: 'accepted', justification: note }] } : {}),
  };
}

/** Repository-relative paths as URI references (each segment percent-encoded, so `a:b.md` is no scheme); absolute paths as file: URIs. */
export function artifactUri(file: string): string {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return pathToFileURL(file).href;
  return file.split('/').map(encodeURIComponent).join('/');
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function clip(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}
