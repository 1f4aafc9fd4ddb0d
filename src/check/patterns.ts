// Patterns given in check options, compiled once per process (options are validated at load,
// with `format: regex`, so compiling cannot fail on a loaded pack).
const cache = new Map<string, RegExp>();

/** Case-insensitive; `g` for scanning with matchAll. */
export function patternOf(source: string, global = false): RegExp {
  const key = `${global ? 'g' : ''}/${source}`;
  let pattern = cache.get(key);
  if (!pattern) {
    pattern = new RegExp(source, global ? 'giu' : 'iu');
    cache.set(key, pattern);
  }
  return pattern;
}

/** One alternation of several patterns, so overlapping matches are found once. */
export function alternation(sources: string[], global = false): RegExp {
  return patternOf(sources.map((s) => `(?:${s})`).join('|'), global);
}

export const PATTERN_LIST = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, format: 'regex' } } as const;

/** A list of named topics, each recognised by any of its patterns: { id, label, patterns }. */
export const LABELLED_PATTERNS = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'label', 'patterns'],
    properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, label: { type: 'string', minLength: 1 }, patterns: PATTERN_LIST },
  },
} as const;
