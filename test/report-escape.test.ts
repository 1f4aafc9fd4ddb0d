// Escaping with hostile text: commas, colons, newlines, %, ::, <, &, quotes, control characters.
import { describe, expect, it } from 'vitest';
import { markdownCodeCell, markdownText } from '../src/escape/markdown.js';
import { workflowData, workflowProperty } from '../src/escape/workflow.js';
import { xmlAttr, xmlText } from '../src/escape/html.js';
import { artifactUri } from '../src/report/sarif.js';
import { checkReporters as reporters } from './helpers/registries.js';
import { contextFor, loadMixed } from './helpers/results-fixture.js';
import type { DocumentResult } from '../src/types.js';

const HOSTILE = 'a,b: 100% done\r\n::error::x\n<b>&amp;</b> "q" \'s\' | `c` *e* [l](u) ~s~ $m$';

describe('GitHub workflow commands (actions/toolkit escapeData / escapeProperty)', () => {
  it('escapes % first, then CR and LF, in messages', () => {
    expect(workflowData(HOSTILE)).toBe('a,b: 100%25 done%0D%0A::error::x%0A<b>&amp;</b> "q" \'s\' | `c` *e* [l](u) ~s~ $m$');
    expect(workflowData('%0A')).toBe('%250A');
  });
  it('also escapes : and , in properties', () => {
    expect(workflowProperty(HOSTILE)).toBe(
      'a%2Cb%3A 100%25 done%0D%0A%3A%3Aerror%3A%3Ax%0A<b>&amp;</b> "q" \'s\' | `c` *e* [l](u) ~s~ $m$',
    );
  });
  it('keeps every annotation on one line, whatever the path and message', () => {
    const result: DocumentResult = {
      file: 'docs/we,ird:\nname%.md',
      kind: null,
      edition: null,
      area: null,
      elements: {},
      evidence: {},
      findings: [
        {
          ruleId: 'parse-error',
          element: 'parse-error',
          severity: 'error',
          message: HOSTILE,
          messageId: 'x',
          line: 2,
          column: 3,
          citation: 'c,:',
          help: 'h\r',
        },
      ],
    };
    const out = reporters.github([result], contextFor(loadMixed()));
    expect(out).toBe(
      '::error file=docs/we%2Cird%3A%0Aname%25.md,line=2,col=3,title=Parse error (parse-error)::a,b: 100%25 done%0D%0A::error::x%0A<b>&amp;</b> "q" \'s\' | `c` *e* [l](u) ~s~ $m$%0Ac,:%0AWhat to add: h%0D\n',
    );
  });
});

describe('XML', () => {
  it('escapes markup characters in text and attributes', () => {
    expect(xmlText('<a> & "b" ]]>')).toBe('&lt;a&gt; &amp; "b" ]]&gt;');
    expect(xmlAttr('<a> & "b" \'c\'\n\t\r')).toBe('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;&#10;&#9;&#13;');
  });
  it('replaces characters XML 1.0 forbids', () => {
    expect(xmlText('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f\uDC00g')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg');
    expect(xmlText('pair \uD83D\uDE00 kept, tab\tkept')).toBe('pair \uD83D\uDE00 kept, tab\tkept');
  });
});

describe('Markdown', () => {
  it('escapes what could form markup, and flattens line breaks', () => {
    expect(markdownText(HOSTILE)).toBe(
      'a,b: 100% done ::error::x \\<b\\>\\&amp;\\</b\\> "q" \'s\' \\| \\`c\\` \\*e\\* \\[l\\](u) \\~s\\~ \\$m\\$',
    );
  });
  it('makes safe code spans for table cells', () => {
    expect(markdownCodeCell('a`b|c\nd')).toBe("`a'b\\|c d`");
  });
  it('shows control characters (a NUL or an escape in a file name) as \\u{…}, in text and in code spans', () => {
    expect(markdownText('\u0000a\u001b[31m.md')).toBe('\\\\u{0}a\\\\u{1b}\\[31m.md'); // the backslash of \u{…} is escaped too, so it shows
    expect(markdownCodeCell('\u0000a\u001b.md')).toBe('`\\u{0}a\\u{1b}.md`');
  });
});

describe('SARIF artifact URIs', () => {
  it('percent-encodes each path segment so no segment reads as a scheme', () => {
    expect(artifactUri('areas/north, east: shire/a%b #1?.md')).toBe('areas/north%2C%20east%3A%20shire/a%25b%20%231%3F.md');
    expect(artifactUri('/abs/dir/x y.md')).toBe('file:///abs/dir/x%20y.md');
  });
});
