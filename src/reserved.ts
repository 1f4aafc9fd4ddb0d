// Findings about the input itself rather than a requirement: they belong to no pack. Every
// rule declares its messages here, keyed by id as check kinds' are, with {{name}} for data:
// call sites (and the parsers' problems) pass an id and its data, never a sentence. An id
// with several wordings (a file or a folder, one page or many) keys them by variant, so the
// id a report shows stays one.
import { interpolate, type TemplateData } from './check/messages.js';
import type { Finding, Place, Severity } from './types.js';

/** A message's template, or its templates by variant when the same id is worded several ways. */
type Wording = string | { readonly [variant: string]: string };

export interface ReservedRule {
  ruleId: string;
  severity: Severity;
  citation: string;
  help: string;
  messages: { readonly [messageId: string]: Wording };
}

const OCR_ADVICE = 'ask the partnership for an accessible version (public bodies must publish accessible documents), or run OCR on it';
const CONVERT_FIRST = 'is converted before it is checked: lint it with lintFileBytes (as the CLI does), not lint or lintBytes';
const EXPECTED_TEXT = 'expected the text of the arrangements or report';
const NOT_CHECKED = 'the document was not checked further';
const NOT_READ = 'the front matter was not read';
const MAPPING = 'expected a mapping of keys such as `kind:` and `area:`';
const PDF_ADVICE = 'download it again, or ask the partnership for an accessible version';

export const RESERVED = {
  parseError: {
    ruleId: 'parse-error',
    severity: 'error',
    citation: 'wtlint input: Markdown with YAML front matter, or YAML, in UTF-8 (README, "Front matter")',
    help: 'Fix the document at the position given so that it reads as Markdown with YAML front matter, or as YAML; then run wtlint again.',
    messages: {
      // The file itself
      unreadable: {
        ENOENT: 'The file is not there: it was moved, renamed or removed ({{code}})',
        ELOOP: 'The path is a loop of symbolic links ({{code}})',
        EACCES: 'Permission denied: wtlint may not read this ({{code}})',
        EPERM: 'Permission denied: wtlint may not read this ({{code}})',
        EISDIR: 'This is a folder, not a document ({{code}})',
        file: 'Cannot read the file ({{code}})',
        folder: 'Cannot read the folder ({{code}})',
      },
      'not-a-file': {
        folder: 'This is a folder, not a document; name the folder itself to check the documents in it',
        special: 'This is not a regular file (a pipe, socket or device); wtlint reads only files',
      },
      'too-large': {
        file: 'File is {{size}} bytes, over the limit of {{max}} bytes',
        pdf: 'File is {{size}} bytes, over the limit of {{max}} bytes (limit maxPdfBytes)',
      },
      binary: 'File looks binary (a NUL byte at offset {{offset}}), not a Markdown or YAML document',
      'invalid-utf8': 'Invalid UTF-8 at byte {{byte}}; save the file as UTF-8',
      'invalid-utf16': {
        'odd-byte': 'Invalid {{encoding}} at byte {{byte}} (an odd last byte); save the file as UTF-8',
        'lone-surrogate': 'Invalid {{encoding}} at byte {{byte}} (a lone surrogate); save the file as UTF-8',
      },
      'needs-conversion': {
        html: `An HTML page ${CONVERT_FIRST}`,
        docx: `A Word document ${CONVERT_FIRST}`,
        pdf: `A PDF ${CONVERT_FIRST}`,
      },
      empty: {
        text: 'The document is empty; expected YAML front matter with `kind:` and the text of the arrangements or report',
        html: `The page has no text to check once navigation, banners, footers and scripts are set aside; ${EXPECTED_TEXT}`,
        docx: `The Word document has no text to check once navigation, banners, footers and scripts are set aside; ${EXPECTED_TEXT}`,
        pdf: `The PDF has no text to check once running headers, footers and page numbers are set aside; ${EXPECTED_TEXT}`,
      },
      'line-too-long': `Line is {{length}} characters long, over the limit of {{max}} (limit maxLineLength); ${NOT_CHECKED}`,
      'too-deep': {
        markdown: `Markdown nested more than {{max}} levels deep (limit maxDepth); ${NOT_CHECKED}`,
        yaml: `YAML nested more than {{max}} levels deep (limit maxDepth); ${NOT_READ}`,
        html: `HTML elements nested more than {{max}} levels deep (limit maxElementDepth); ${NOT_CHECKED}`,
        docx: `Word document content (tables in tables, lists in lists) nested more than {{max}} levels deep (at paragraph {{paragraph}}) (limit maxElementDepth); ${NOT_CHECKED}`,
      },
      // YAML: front matter, a sidecar or a whole .yaml file. {{detail}} is the yaml library's own words.
      'yaml-syntax': {
        coded: 'YAML error ({{code}}): {{detail}}',
        'duplicate-key': 'YAML error (DUPLICATE_KEY): Map keys must be unique',
        uncoded: 'YAML error: {{detail}}',
      },
      'not-a-mapping': {
        list: `Front matter is a list, ${MAPPING}`,
        scalar: `Front matter is a {{type}}, ${MAPPING}`,
      },
      'too-many-aliases': `YAML aliases expand to more than {{max}} references (limit maxAliases; a "billion laughs" document); ${NOT_READ}`,
      'recursive-alias': `YAML alias *{{alias}} refers to the node it is inside, which would make endless data; ${NOT_READ}`,
      'too-many-documents':
        'A further YAML document starts here: the file holds more than {{max}} (limit maxDocuments); wtlint reads only the first',
      // Word documents and PDFs. {{detail}} is mammoth's or PDF.js's own words.
      'not-docx': 'Cannot read the Word document: {{detail}}; expected a .docx file saved by Word or a compatible editor',
      'pdf-encrypted':
        'The PDF is protected by a password, so its text cannot be read; ask the partnership for an unprotected, accessible version',
      'pdf-corrupt': {
        reader: `Cannot read the PDF: {{detail}}; the file may be truncated or damaged: ${PDF_ADVICE}`,
        'reader-threw': 'Cannot read the PDF: {{detail}}',
        'worker-failed': `Cannot read the PDF: {{detail}}; the file may be damaged: ${PDF_ADVICE}`,
      },
      'pdf-too-many-pages':
        'The PDF has {{pages}} pages, over the limit of {{max}} (limit maxPages); raise the limit if this really is one partnership document',
      'pdf-too-slow':
        'Reading the PDF took longer than {{seconds}} s (limit maxSeconds), so it was stopped; the file may be damaged or built to exhaust readers: ask the partnership for an accessible version, or raise the limit',
      'pdf-too-big':
        'Reading the PDF needed more than {{megabytes}} MB of memory, so it was stopped; the file may be built to exhaust readers (a compression bomb): ask the partnership for an accessible version',
      'pdf-no-text': {
        'one-page': `The PDF has no text to read (its page is pictures, as a scan is): ${OCR_ADVICE}`,
        pages: `The PDF has no text to read (all {{pages}} pages are pictures, as a scan is): ${OCR_ADVICE}`,
      },
      'pdf-image-pages': {
        'one-page': `Page {{pages}} has no text to read (pictures, as a scan is), so what it says was not checked: ${OCR_ADVICE}`,
        pages: `Pages {{pages}} have no text to read (pictures, as a scan is), so what they say was not checked: ${OCR_ADVICE}`,
      },
    },
  },
  internalError: {
    ruleId: 'internal-error',
    severity: 'error',
    citation: 'wtlint itself (not the guidance)',
    help: 'This is a fault in wtlint, not in the document. Run with --debug and report it; the rule can be turned off in the config meanwhile.',
    messages: {
      threw: 'Rule {{ruleId}} (check {{kind}}) failed: {{detail}}. The other rules still ran; please report this',
      'conversion-threw': {
        html: 'Converting the page failed: {{detail}}. Please report this',
        docx: 'Converting the Word document failed: {{detail}}. Please report this',
        pdf: 'Converting the PDF failed: {{detail}}. Please report this',
      },
    },
  },
  documentKind: {
    ruleId: 'document-kind',
    severity: 'error',
    citation: 'wtlint front matter contract: `kind` (README, "Front matter")',
    help: 'Add `kind:` to the front matter (arrangements, yearly-report, cdr-arrangements or cdr-report) so wtlint knows which requirements apply.',
    messages: {
      missing: 'No `kind` in the front matter, and none could be inferred from the title, file name or text',
      unknown: '`kind: {{value}}` is not a document kind wtlint knows; expected {{kinds}}',
    },
  },
  documentEdition: {
    ruleId: 'document-edition',
    severity: 'error',
    citation: 'wtlint front matter contract: `edition` (README, "Front matter")',
    help: 'Set `edition: 2018` or `edition: 2023` (the Working Together edition the document follows), or remove it to let wtlint infer it from the dates.',
    messages: {
      unknown: '`edition: {{value}}` is not an edition wtlint knows; expected one of {{editions}}',
    },
  },
  documentMetadata: {
    ruleId: 'document-metadata',
    severity: 'info',
    citation: 'wtlint input: HTML pages and Word documents take their metadata from a sidecar file (docs/html-and-word.md, "Metadata")',
    help: 'Check the inferred value. To state it instead, put a sidecar beside the document (page.html.yaml for page.html) with the same keys as front matter: kind, area, edition, published.',
    // `values`: each inferred value with the words it came from (src/extract/inference/describe.ts).
    messages: {
      inferred: 'Inferred from the text: {{values}}.',
      'inferred-unsure': 'Inferred from the text: {{values}}. Unsure: {{doubts}}. State the values in {{stateIn}} to be sure.',
    },
  },
  disableDirective: {
    ruleId: 'disable-directive',
    severity: 'warning',
    citation: 'wtlint inline disables: <!-- wtlint-disable rule -- reason --> (README, "Inline disables")',
    help: 'Name a rule wtlint knows (a ruleId such as wt2023/funding, or an element such as funding), give the reason after `--`, and remove directives that no longer suppress anything.',
    messages: {
      'unknown-directive':
        '`{{word}}` is not a wtlint directive; expected wtlint-disable, wtlint-enable, wtlint-disable-line or wtlint-disable-next-line',
      'unknown-rule':
        '`wtlint-{{kind}} {{rule}}` names no rule wtlint knows; expected a ruleId such as wt2023/funding or an element such as funding',
      'missing-reason': {
        all: '`wtlint-{{kind}}` gives no reason; expected `-- reason` after the rules',
        rules: '`wtlint-{{kind}} {{rules}}` gives no reason; expected `-- reason` after the rules',
      },
      unused: {
        all: '`wtlint-{{kind}}` disables nothing: no such finding here; remove the directive',
        rule: '`wtlint-{{kind}} {{rule}}` disables nothing: no such finding here; remove the directive',
      },
    },
  },
  fetchFailed: {
    ruleId: 'fetch-failed',
    severity: 'error',
    citation: 'wtlint fetch: documents named by URL in areas.yaml (docs/audit.md, "Fetching the documents")',
    help: 'Check the URL in the manifest (the document may have moved) and what `wtlint fetch` said about it, then run `wtlint fetch` again.',
    messages: {
      unavailable: 'Could not be fetched ({{reason}}, {{date}}): {{url}}',
      stale: {
        copy: 'The latest fetch failed ({{reason}}, {{date}}); audited the copy retrieved {{retrieved}} from {{url}}',
        earlier: 'The latest fetch failed ({{reason}}, {{date}}); audited an earlier copy from {{url}}',
      },
    },
  },
  baseline: {
    ruleId: 'baseline',
    severity: 'warning',
    citation: 'wtlint baseline file (wtlint-baseline.yaml; README, "Baselines")',
    help: 'Run `wtlint baseline` again to refresh the file, or edit the entry: lower its count, remove it, or give a new `until` date with a reason.',
    messages: {
      expired: {
        one: 'The accepted deviation for {{rule}} ({{where}}) expired on {{until}}; its finding counts again',
        many: 'The accepted deviation for {{rule}} ({{where}}) expired on {{until}}; its {{count}} findings count again',
      },
      stale: {
        none: 'The baseline entry for {{rule}} ({{where}}) matches no finding any more; remove it',
        'one-remains':
          'The baseline entry for {{rule}} ({{where}}) accepts {{count}} findings but {{remaining}} remains; lower its count to {{remaining}}',
        fewer:
          'The baseline entry for {{rule}} ({{where}}) accepts {{count}} findings but {{remaining}} remain; lower its count to {{remaining}}',
      },
    },
  },
} as const satisfies Record<string, ReservedRule>;

type Messages = ReservedRule['messages'];

/** `data` when the template has placeholders; none when it has not. */
type DataFor<Template extends string> = keyof TemplateData<Template> extends never
  ? { data?: undefined }
  : { data: TemplateData<Template> };

/**
 * One message of a rule, as call sites pass it: its id, its variant when the id has several
 * wordings, and the data its template names. An unknown id or variant, or data missing or to
 * spare, does not compile.
 */
export type ReservedMessage<M extends Messages> = {
  [Id in keyof M & string]: M[Id] extends string
    ? { messageId: Id; variant?: undefined } & DataFor<M[Id]>
    : {
        [Variant in keyof M[Id] & string]: { messageId: Id; variant: Variant } & DataFor<M[Id][Variant] & string>;
      }[keyof M[Id] & string];
}[keyof M & string];

/** What the parsers and readers report (src/parse/*, src/engine/files.ts), before it is a parse-error finding. */
export type ParseMessage = ReservedMessage<typeof RESERVED.parseError.messages>;
export type ParseMessageId = ParseMessage['messageId'];
/** The parse messages with these ids. */
export type ParseMessageOf<Id extends ParseMessageId> = Extract<ParseMessage, { messageId: Id }>;

/** Where a problem found in a sidecar file is, reported at the top of the document it describes. */
export interface SidecarPlace {
  file: string;
  line: number;
  column: number;
}

const IN_SIDECAR = ' (in {{file}}, line {{line}}:{{column}})';

/** " (in page.html.yaml, line 3:1)": said after the message of a finding moved from a sidecar to the top of its document. */
export function inSidecar(place: SidecarPlace): string {
  return interpolate(IN_SIDECAR, { ...place });
}

/** A message's words: its template (its variant's) filled with its data. */
export function messageText(
  rule: ReservedRule,
  message: { messageId: string; variant?: string; data?: Record<string, string | number> },
): string {
  const wording = rule.messages[message.messageId];
  const template = typeof wording === 'string' ? wording : wording?.[message.variant ?? ''];
  if (template === undefined)
    throw new Error(`${rule.ruleId} has no message ${message.messageId}${message.variant ? ` (${message.variant})` : ''}`);
  return interpolate(template, message.data ?? {});
}

/** A parse problem's words, with the sidecar's place when it was found there. */
export function parseMessageText(problem: ParseMessage & { sidecar?: SidecarPlace }): string {
  const text = messageText(RESERVED.parseError, problem);
  return problem.sidecar ? text + inSidecar(problem.sidecar) : text;
}

/** A finding of a reserved rule: the message's words from the rule's template for its id. */
export function reservedFinding<M extends Messages>(
  rule: ReservedRule & { messages: M },
  message: ReservedMessage<M>,
  place: Place,
  severity: Severity = rule.severity,
): Finding {
  return finding(rule, message.messageId, messageText(rule, message), place, severity);
}

/** A parse-error finding for what a parser or reader could not read. */
export function parseErrorFinding(problem: ParseMessage & { sidecar?: SidecarPlace }, place: Place): Finding {
  return finding(RESERVED.parseError, problem.messageId, parseMessageText(problem), place, RESERVED.parseError.severity);
}

function finding(rule: ReservedRule, messageId: string, message: string, place: Place, severity: Severity): Finding {
  return {
    ruleId: rule.ruleId,
    element: rule.ruleId,
    severity,
    message,
    messageId,
    line: place.line,
    column: place.column,
    citation: rule.citation,
    help: rule.help,
  };
}
