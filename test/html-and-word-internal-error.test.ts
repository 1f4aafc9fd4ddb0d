// A converter that throws (a bug in wtlint or a library) is an internal-error finding for
// that document, never a crash of the run.
import { expect, it, vi } from 'vitest';

vi.mock('../src/parse/html.js', () => ({
  htmlParts: () => {
    throw new Error('boom');
  },
}));

it('reports a throwing converter as internal-error on the document', async () => {
  const { bundledLinter } = await import('../src/engine/resources.js');
  const result = await bundledLinter().lintFileBytes('page.html', new TextEncoder().encode('<p>x</p>'), { asOf: '2026-11-23' });
  expect(result.findings.map((f) => [f.ruleId, f.messageId, f.line, f.column, f.message])).toEqual([
    ['internal-error', 'conversion-threw', 1, 1, 'Converting the page failed: boom. Please report this'],
  ]);
});
