// wtlint.config.yaml / .wtlintrc.yaml: found from the working directory upward,
// validated against schemas/config.schema.json; a mistake names file:line:column.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Severity } from '../types.js';
import type { Limits } from '../parse/limits.js';
import { readYamlFile } from './yaml-file.js';

export const CONFIG_NAMES = ['wtlint.config.yaml', '.wtlintrc.yaml'];

export interface Config {
  file: string | null;
  edition?: string;
  asOf?: string;
  rules: Record<string, Severity | 'off'>;
  ignore: string[];
  maxWarnings?: number;
  requireDisableReason?: boolean;
  limits?: Partial<Limits>;
  isIgnored: (absolute: string) => boolean;
}

export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function loadConfig(cwd: string, explicit?: string): Config {
  const file = explicit ? resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return { file: null, rules: {}, ignore: [], isIgnored: () => false };
  const { data } = readYamlFile(
    file,
    relative(cwd, file) || file,
    'schemas/config.schema.json',
    {
      what: 'config file',
      unreadable: 'Check the path given to --config.',
      yaml: 'Fix the YAML of the config file.',
      schema:
        'Allowed keys: edition, asOf, rules (ruleId or element: off | info | warning | error), ignore (globs), maxWarnings, requireDisableReason, limits (maxBytes, maxAliases, maxDepth, maxLineLength, maxDocuments, maxPdfBytes, maxPages, maxSeconds).',
    },
    {},
  );
  const config = data as {
    edition?: string | number;
    asOf?: string;
    rules?: Record<string, Severity | 'off'>;
    ignore?: string[];
    maxWarnings?: number;
    requireDisableReason?: boolean;
    limits?: Partial<Limits>;
  };
  const base = dirname(file);
  // picomatch (CommonJS) is loaded only when there are globs: most runs have none.
  const picomatch = config.ignore?.length ? (createRequire(import.meta.url)('picomatch') as typeof import('picomatch')) : undefined;
  const matchers = (config.ignore ?? []).map((glob) => picomatch!(glob, { dot: true }));
  return {
    file,
    edition: config.edition === undefined ? undefined : String(config.edition),
    asOf: config.asOf,
    rules: config.rules ?? {},
    ignore: config.ignore ?? [],
    maxWarnings: config.maxWarnings,
    requireDisableReason: config.requireDisableReason,
    limits: config.limits,
    isIgnored: (absolute) => {
      const rel = relative(base, absolute).split(sep).join('/');
      return matchers.some((m) => m(rel));
    },
  };
}
