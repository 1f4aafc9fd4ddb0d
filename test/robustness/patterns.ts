// Every detection pattern of every shipped pack, with where it comes from: the
// adversarial timing test (test/robustness-patterns.test.ts) runs each of them.
import type { CompiledPack } from '../../src/pack/load.js';
import { compilePattern } from '../../src/extract/detection.js';
import { setSource } from '../../src/pack/phrases.js';
import type { PackRegExp } from '../../src/pack/regex.js';

export interface NamedPattern {
  where: string;
  pattern: PackRegExp;
}

export function packPatterns(packs: CompiledPack[]): NamedPattern[] {
  const out: NamedPattern[] = [];
  for (const pack of packs) {
    const { alone = [], starts = [], phrases = [] } = pack.placeholders;
    for (const name of [...alone, ...starts, ...phrases])
      out.push({ where: `${pack.pack} placeholders ${name}`, pattern: compilePattern(setSource(pack.vocabulary.phrases[name]!)) });
    for (const list of ['posts', 'organisations'] as const) {
      pack.signatureVocabulary?.[list].forEach(({ pattern }, i) => out.push({ where: `${pack.pack} signatories.${list}[${i}]`, pattern }));
    }
    for (const rule of pack.rules) {
      const d = rule.detection;
      if (!d) continue;
      const at = `${rule.ruleId} detect`;
      d.headings.forEach((pattern, i) => out.push({ where: `${at}.headings[${i}]`, pattern }));
      d.exclude.forEach((pattern, i) => out.push({ where: `${at}.exclude[${i}]`, pattern }));
      d.mentions.forEach((pattern, i) => out.push({ where: `${at}.mentions[${i}]`, pattern }));
      for (const key of ['sentences', 'partial', 'qualify'] as const) {
        d[key].forEach((cue, i) => cue.forEach(({ pattern }, j) => out.push({ where: `${at}.${key}[${i}].all[${j}]`, pattern })));
      }
    }
  }
  return out;
}

/** Long runs that make backtracking patterns blow up: spaces, repeated words, punctuation, 100 KB lines. */
export function adversarialInputs(pattern: PackRegExp, size: number): string[] {
  const words = [...new Set(pattern.source.toLowerCase().match(/[a-z]{3,}/g) ?? [])].slice(0, 3);
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [
    fill(' '),
    fill('a '),
    fill('x'),
    fill('.'),
    fill('- '),
    fill('[a'),
    fill(' \t\u00a0'),
    ...words.flatMap((w) => [fill(`${w} `), fill(w), `${fill(`${w} `)}!`, fill(`${w}-`)]),
  ];
}
