// The terminal: document text never carries an escape sequence that recolours, moves the cursor
// or rings the bell. plainText (from the core, which keeps messages clean the same way) shows a
// control character as \u{…}; terminalSafe keeps a fixed-width column's width with one `?`.
export { plainText } from '../extract/show-value.js';

/** Control characters (escape sequences) from documents never reach the terminal. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
