// A front-matter value as text for a message. Never throws: YAML can give a mapping
// its own `toString` key, which makes String(value) and template literals throw.
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return Array.isArray(value) ? 'a list' : 'a mapping';
  }
}
