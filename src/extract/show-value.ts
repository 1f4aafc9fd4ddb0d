// Document text as it may appear in a message. Never throws, and never carries control
// characters: a YAML mapping can define its own `toString` key (String(value) throws),
// and a newline, an ANSI escape or a bidirectional override in a message could start a
// CI workflow command (`::error::`), recolour a terminal or make a line read differently.

/** Escapes C0/C1 controls, DEL, line and paragraph separators and bidi controls as \u{…}. */
export function plainText(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}

export function showValue(value: unknown): string {
  if (typeof value === 'string') return plainText(value);
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return plainText(JSON.stringify(value) ?? typeof value);
  } catch {
    return Array.isArray(value) ? 'a list' : 'a mapping';
  }
}
