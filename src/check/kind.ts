// The contract every check kind meets (Vale's extension points, Spectral's functions):
// options are data checked against `optionsSchema` when the pack loads; `run` returns
// raw results only, and the engine stamps ruleId, severity, citation and help.
import type { ValidateFunction } from 'ajv';
import type { ElementResult, Place } from '../types.js';
import type { ParsedDocument } from '../parse/document.js';
import type { DocumentMeta } from '../extract/meta.js';
import type { Rule } from '../pack/types.js';
import type { ReferenceData } from '../reference/types.js';

export interface CheckContext {
  doc: ParsedDocument;
  meta: DocumentMeta;
  /** The detection result for this rule's element, when the rule detects one. */
  element: ElementResult | undefined;
  /** The detection results of every element of the pack for this document (the engine always sets it). */
  elements?: Record<string, ElementResult>;
  rule: Rule;
  asOf: string;
  /** The compiled JSON Schema for this document's edition and kind. */
  documentSchema: ValidateFunction | undefined;
  /** Reference data the shell loaded (the bank holiday calendar); absent pieces are undefined. */
  reference?: ReferenceData;
}

export interface RawResult {
  messageId: string;
  data?: Record<string, string | number>;
  place: Place;
  path?: (string | number)[];
}

export interface CheckKind<Options = Record<string, unknown>> {
  description: string;
  /** JSON Schema for the check's options (the `kind` key excluded). */
  optionsSchema: Record<string, unknown>;
  /** Message templates by id; {{name}} is filled from the result's data and the rule. */
  messages: Record<string, string>;
  run(ctx: CheckContext, options: Options): RawResult[];
  /** The data the check applies, in plain lines for `wtlint explain` (terms and their dates, say). */
  explain?(options: Options): string[];
}

export function defineCheck<Options>(kind: CheckKind<Options>): CheckKind<Options> {
  return kind;
}
