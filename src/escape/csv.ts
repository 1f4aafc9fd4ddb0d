// CSV (RFC 4180) as spreadsheets read it: document text never runs as a formula.

/** A leading =, +, -, @, tab or CR makes spreadsheets read a formula: prefix a quote. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180), formula-neutralised. */
export function csvField(value: string | number | null): string {
  const text = neutraliseFormula(value === null ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
