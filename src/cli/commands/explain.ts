// wtlint explain <rule>: everything a business manager needs to fix one finding.
import { bundledLinter } from '../../engine/resources.js';
import { UsageError } from '../../engine/errors.js';
import type { CliIO } from '../io.js';
import type { CompiledRule } from '../../pack/load.js';
import type { AreaRule, SentenceCue } from '../../pack/types.js';
import { phrasesInWords, type Vocabulary } from '../../pack/phrases.js';
import { checkKinds, isCheckKind } from '../../check/kinds/index.js';
import type { CheckKind } from '../../check/kind.js';
import { describeInForce } from '../../check/in-force.js';

export function explain(query: string, io: CliIO): number {
  const linter = bundledLinter();
  const matches: { pack: string; rule: CompiledRule; vocabulary: Vocabulary }[] = [];
  for (const pack of linter.packs) {
    for (const rule of pack.rules)
      if (rule.ruleId === query || rule.element === query) matches.push({ pack: pack.title, rule, vocabulary: pack.vocabulary });
  }
  const areaMatches = linter.packs.flatMap((pack) =>
    (pack.audit?.rules ?? [])
      .filter((r) => `${pack.pack}/${r.id}` === query || r.id === query)
      .map((rule) => describeAreaRule(pack.pack, pack.title, rule)),
  );
  if (matches.length === 0 && areaMatches.length) {
    io.stdout(`${areaMatches.join('\n\n')}\n`);
    return 0;
  }
  if (matches.length === 0) {
    const ids = [
      ...new Set(linter.packs.flatMap((p) => [...p.rules.map((r) => r.ruleId), ...(p.audit?.rules ?? []).map((r) => `${p.pack}/${r.id}`)])),
    ];
    const stem = query.replace(/^.*\//, '').slice(0, 4);
    const near = ids.filter((id) => id.split('/')[1]!.startsWith(stem));
    throw new UsageError(
      `No rule "${query}"`,
      near.length ? `Did you mean: ${near.slice(0, 6).join(', ')}? \`wtlint rules\` lists them all.` : '`wtlint rules` lists every rule.',
    );
  }
  io.stdout(`${matches.map(({ pack, rule, vocabulary }) => describe(pack, rule, vocabulary)).join('\n\n')}\n`);
  return 0;
}

function describe(pack: string, rule: CompiledRule, vocabulary: Vocabulary): string {
  const lines = [
    `${rule.ruleId}: ${rule.title}`,
    `  Pack:       ${pack}`,
    `  Applies to: ${rule.applies_to.join(', ')}`,
    `  Severity:   ${rule.severity} (change it in wtlint.config.yaml under rules:)`,
    `  Citation:   ${rule.citation}`,
    ...(rule.in_force ? [`  In force:   ${describeInForce(rule.in_force)}`, `  Will ask:   ${rule.in_force.change}`] : []),
    '',
    `Why it matters`,
    wrap(rule.why),
    '',
    `How to fix`,
    wrap(rule.help),
  ];
  const d = rule.detect;
  if (d) {
    lines.push('', 'How wtlint recognises it');
    if (d.fields?.length)
      lines.push(`  Front matter: ${d.fields.map((f) => `\`${f.replace(/^\//, '').replace(/\//g, '.')}\``).join(', ')}`);
    // Cues in words: each phrase set by name with its phrases (rules/phrases.yaml, docs/phrasing.md).
    const words = (name: string) => wrapItems(`${name}:`, phrasesInWords(vocabulary.phrases[name]!), '      ');
    const cues = (list: SentenceCue[]) => list.flatMap((cue, i) => [`    ${i ? 'or ' : ''}all of:`, ...cue.all.map(words)]);
    if (d.headings?.length) lines.push('  A heading with any of', ...d.headings.map(words));
    if (d.sentences?.length) lines.push('  Or a sentence that has words from each set of', ...cues(d.sentences));
    if (d.qualify?.length) lines.push('  A heading whose section lacks the specifics above counts as partial.');
    if (d.partial?.length)
      lines.push('  Only weaker wording counts as partial: a sentence with words from each set of', ...cues(d.partial));
    if (d.exclude?.length) lines.push('  A sentence with any of these never counts', ...d.exclude.map(words));
    lines.push('  A heading whose section is empty or a placeholder (TBC, to follow, [insert]) counts as partial.');
  }
  const applied = rule.checks.flatMap(({ kind, ...options }) =>
    isCheckKind(kind) ? ((checkKinds[kind] as CheckKind<unknown>).explain?.(options) ?? []) : [],
  );
  if (applied.length) lines.push('', 'What the check applies', ...applied.map((l) => wrap(l)));
  if (rule.example)
    lines.push(
      '',
      'Example',
      ...rule.example
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
  if (rule.notes?.length) lines.push('', 'Notes', ...rule.notes.map((n) => wrap(n)));
  return lines.join('\n');
}

/** An area rule of `wtlint audit`: a check across all the documents of one area. */
function describeAreaRule(packId: string, pack: string, rule: AreaRule): string {
  const { kind, ...options } = rule.check;
  const lines = [
    `${packId}/${rule.id}: ${rule.title}`,
    `  Pack:       ${pack}`,
    `  Applies to: each area in \`wtlint audit\` (check ${kind}: ${JSON.stringify(options)})`,
    `  Severity:   ${rule.severity} (change it in wtlint.config.yaml under rules:)`,
    `  Citation:   ${rule.citation}`,
    '',
    'Why it matters',
    wrap(rule.why),
    '',
    'How to fix',
    wrap(rule.help),
  ];
  if (rule.notes?.length) lines.push('', 'Notes', ...rule.notes.map((n) => wrap(n)));
  return lines.join('\n');
}

/** `head` then the items, comma-separated, wrapped between items (a phrase is never split). */
function wrapItems(head: string, items: string[], indent: string, width = 88): string {
  const lines: string[] = [];
  let line = `${indent}${head}`;
  items.forEach((item, i) => {
    const text = i < items.length - 1 ? `${item},` : item;
    if (line.length + text.length + 1 > width && line.trim() !== head) {
      lines.push(line);
      line = `${indent}  ${text}`;
    } else line += ` ${text}`;
  });
  lines.push(line);
  return lines.join('\n');
}

function wrap(text: string, width = 88): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = ' ';
  for (const word of words) {
    if (line.length + word.length + 1 > width) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}
