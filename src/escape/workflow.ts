// GitHub workflow commands (`::error file=…::message`): a message or property from a document
// never ends the command early or starts another one.

/** The message of a GitHub workflow command (actions/toolkit `escapeData`): `%` first, then CR and LF. */
export function workflowData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a GitHub workflow command (toolkit `escapeProperty`): as data, plus `:` and `,`. */
export function workflowProperty(value: string): string {
  return workflowData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
