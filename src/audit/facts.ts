// The structured facts area checks compare across documents (dates, partners, local
// authorities), read from the front matter. Pure; a document that does not parse has none.
// The lint has parsed the same YAML already: its data is used when it parsed exactly this text,
// cleanly, as one document (what `parse` below would give), so audit does not parse it twice.
import { parse } from 'yaml';
import { formatOf, normaliseText } from '../parse/document.js';
import { readDate } from '../extract/meta.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import type { ParsedDocument } from '../parse/document.js';

export interface DocumentFacts {
  published: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  partners: string[];
  localAuthorities: string[];
}

const NO_FACTS: DocumentFacts = { published: null, periodStart: null, periodEnd: null, partners: [], localAuthorities: [] };
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Document markers: a YAML text with one of these may hold several documents, which `parse` refuses. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/m;

export function documentFacts(path: string, text: string, linted?: ParsedDocument): DocumentFacts {
  return factsOfYaml(factsYamlText(path, text), linted);
}

/** The YAML text documentFacts reads: a YAML file's whole text, a Markdown file's front matter; undefined when there is none. */
export function factsYamlText(path: string, text: string): string | undefined {
  const normalised = normaliseText(text);
  return formatOf(path) === 'yaml' ? normalised : FRONT_MATTER.exec(normalised)?.[1];
}

/** documentFacts from the YAML text factsYamlText gives. */
export function factsOfYaml(yamlText: string | undefined, linted?: ParsedDocument): DocumentFacts {
  if (yamlText === undefined) return NO_FACTS;
  const fromLint = linted?.frontMatter;
  let data: unknown;
  if (linted && fromLint?.data && fromLint.text === yamlText && linted.problems.length === 0 && !DOCUMENT_MARKER.test(yamlText)) {
    data = fromLint.data;
  } else {
    try {
      data = parse(yamlText, { maxAliasCount: DEFAULT_LIMITS.maxAliases, prettyErrors: false });
    } catch {
      return NO_FACTS;
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return NO_FACTS;
  const fm = data as Record<string, unknown>;
  const period = (fm.period !== null && typeof fm.period === 'object' ? fm.period : {}) as Record<string, unknown>;
  return {
    published: readDate(fm.published),
    periodStart: readDate(period.start),
    periodEnd: readDate(period.end),
    partners: names(fm.partners, (p) => (p !== null && typeof p === 'object' ? (p as Record<string, unknown>).name : undefined)),
    localAuthorities: names(fm.local_authorities, (p) => p),
  };
}

function names(list: unknown, pick: (item: unknown) => unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map(pick)
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map((n) => n.trim());
}
