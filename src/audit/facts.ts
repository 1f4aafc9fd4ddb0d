// The structured facts area checks compare across documents (dates, partners, local
// authorities), read from the front matter. Pure; a document that does not parse has none.
import { parse } from 'yaml';
import { formatOf } from '../parse/document.js';
import { readDate } from '../extract/meta.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';

export interface DocumentFacts {
  published: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  partners: string[];
  localAuthorities: string[];
}

const NO_FACTS: DocumentFacts = { published: null, periodStart: null, periodEnd: null, partners: [], localAuthorities: [] };
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

export function documentFacts(path: string, text: string): DocumentFacts {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const yamlText = formatOf(path) === 'yaml' ? normalised : FRONT_MATTER.exec(normalised)?.[1];
  if (yamlText === undefined) return NO_FACTS;
  let data: unknown;
  try {
    data = parse(yamlText, { maxAliasCount: DEFAULT_LIMITS.maxAliases, prettyErrors: false });
  } catch {
    return NO_FACTS;
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
  return list.map(pick).filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim());
}
