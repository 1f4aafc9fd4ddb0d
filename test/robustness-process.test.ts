// Issue 6, part 5: the process. A broken pipe is quiet; unreadable files, folders given
// as files, pipes, symlink loops and files that vanish mid-run are findings, not crashes;
// an internal error in one rule is an internal-error finding, exit 2, and the rest still run.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linter, OPTIONS, positions, root } from './robustness/helpers.js';
import { runCli } from './robustness/cli.js';
import { findDocuments } from '../src/engine/files.js';
import { lintPath } from '../src/engine/read-document.js';
import { exitCodeFor } from '../src/cli/exit-code.js';
import { createLinter } from '../src/lint.js';
import { loadDocumentSchemas } from '../src/engine/resources.js';
import type { CompiledPack } from '../src/pack/load.js';

const dir = mkdtempSync(join(tmpdir(), 'wtlint-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const GOOD = '---\nkind: arrangements\nedition: 2023\n---\n# Arrangements\n';
const isRoot = process.getuid?.() === 0;

async function fileFinding(file: string) {
  const result = await lintPath(linter, join(dir, file), file, OPTIONS);
  return result.findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, line: f.line, column: f.column, message: f.message }));
}
const finding = (messageId: string, message: string) => [{ ruleId: 'parse-error', messageId, line: 1, column: 1, message }];

describe('files that cannot be read are findings', () => {
  it('a folder given as a file', async () => {
    mkdirSync(join(dir, 'folder.md'));
    expect(await fileFinding('folder.md')).toEqual(
      finding('not-a-file', 'This is a folder, not a document; name the folder itself to check the documents in it'),
    );
  });

  it('a loop of symbolic links, named explicitly and found in a folder', async () => {
    const loops = join(dir, 'loops');
    mkdirSync(loops);
    symlinkSync('b.md', join(loops, 'a.md'));
    symlinkSync('a.md', join(loops, 'b.md'));
    symlinkSync('.', join(loops, 'self')); // a folder loop: walked once
    writeFileSync(join(loops, 'good.md'), GOOD);
    expect(await fileFinding('loops/a.md')).toEqual(finding('unreadable', 'The path is a loop of symbolic links (ELOOP)'));
    const { code, stdout, stderr } = await runCli(['check', 'loops', '-f', 'json'], dir);
    const documents = (JSON.parse(stdout) as { documents: { file: string; findings: { messageId: string }[] }[] }).documents;
    expect({ code, stderr, files: documents.map((d) => [d.file, d.findings[0]?.messageId]) }).toEqual({
      code: 1,
      stderr: '',
      files: [
        ['loops/a.md', 'unreadable'],
        ['loops/b.md', 'unreadable'],
        ['loops/good.md', 'missing'],
      ],
    });
    const explicit = await runCli(['check', 'loops/a.md', '-f', 'json'], dir);
    expect(explicit.code).toBe(1);
  });

  it('a file that vanishes between being found and being read', async () => {
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    writeFileSync(join(gone, 'doc.md'), GOOD);
    const found = findDocuments(['gone'], dir, () => false);
    rmSync(join(gone, 'doc.md'));
    expect((await Promise.all(found.map((f) => lintPath(linter, f.absolute, f.display, OPTIONS)))).map(positions)).toEqual([
      [{ ruleId: 'parse-error', messageId: 'unreadable', line: 1, column: 1 }],
    ]);
    expect((await fileFinding('gone/doc.md'))[0]!.message).toBe('The file is not there: it was moved, renamed or removed (ENOENT)');
  });

  it('a dangling link in a folder is reported, not skipped', async () => {
    const dangling = join(dir, 'dangling');
    mkdirSync(dangling);
    symlinkSync('nowhere.md', join(dangling, 'doc.md'));
    const { code, stdout } = await runCli(['check', 'dangling', '-f', 'json'], dir);
    expect([code, (JSON.parse(stdout) as { documents: { findings: { message: string }[] }[] }).documents[0]!.findings[0]!.message]).toEqual(
      [1, 'The file is not there: it was moved, renamed or removed (ENOENT)'],
    );
  });

  it.skipIf(!existsSync('/usr/bin/mkfifo'))('a named pipe is not read (it could block for ever)', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    expect(await fileFinding('pipe.md')).toEqual(
      finding('not-a-file', 'This is not a regular file (a pipe, socket or device); wtlint reads only files'),
    );
  });

  it('a file over the size limit is refused from its size, before it is read', async () => {
    writeFileSync(join(dir, 'big.md'), GOOD);
    expect(
      (await lintPath(linter, join(dir, 'big.md'), 'big.md', { ...OPTIONS, limits: { maxBytes: 10 } })).findings.map((f) => [
        f.messageId,
        f.message,
      ]),
    ).toEqual([['too-large', `File is ${GOOD.length} bytes, over the limit of 10 bytes`]]);
  });

  // chmod 000 does not stop root; as root this case is covered by the folder and loop cases above.
  it.skipIf(isRoot)('a file without read permission (skipped when the tests run as root)', async () => {
    writeFileSync(join(dir, 'secret.md'), GOOD);
    chmodSync(join(dir, 'secret.md'), 0o000);
    expect(await fileFinding('secret.md')).toEqual(finding('unreadable', 'Permission denied: wtlint may not read this (EACCES)'));
  });
});

describe('an internal error in one rule', () => {
  // A pack whose not-future check gets options that make it throw (packs are validated
  // at load; this one is built in the test to simulate a bug in a check kind).
  const packs = linter.packs.map((pack): CompiledPack => ({
    ...pack,
    rules: pack.rules.map((rule) => (rule.element === 'dates' ? { ...rule, checks: [{ kind: 'not-future', fields: null }] } : rule)),
  }));
  const broken = createLinter(packs, loadDocumentSchemas(packs.map((p) => p.edition)));
  const text =
    '---\nkind: arrangements\nedition: 2023\npublished: 2099-01-01\n---\n# Arrangements\n\nThe safeguarding partners are the council, the ICB and the police.\n';

  it('is an internal-error finding for that document; every other rule still runs', () => {
    const result = broken.lint({ path: 'doc.md', text }, OPTIONS);
    const normal = linter.lint({ path: 'doc.md', text }, OPTIONS);
    expect(positions(result).filter((f) => f.ruleId === 'internal-error')).toEqual([
      { ruleId: 'internal-error', messageId: 'threw', line: 1, column: 1 },
    ]);
    expect(result.findings.find((f) => f.ruleId === 'internal-error')!.message).toMatch(
      /^Rule wt2023\/dates \(check not-future\) failed: .+\. The other rules still ran; please report this$/,
    );
    expect(positions(result).filter((f) => f.ruleId !== 'internal-error')).toEqual(
      positions(normal).filter((f) => f.ruleId !== 'wt2023/dates'),
    );
    expect(result.elements).toEqual(normal.elements);
  });

  it('makes the exit code 2, even with other documents clean', () => {
    const result = broken.lint({ path: 'doc.md', text }, OPTIONS);
    expect(exitCodeFor([result])).toBe(2);
    expect(exitCodeFor([linter.lint({ path: 'doc.md', text }, OPTIONS)])).toBe(1);
  });
});

describe('a broken pipe', () => {
  it('`wtlint check … | head -c 1` exits quietly with its own exit code', () => {
    const bin = join(root, 'bin/wtlint.js');
    const script = `node ${JSON.stringify(bin)} check examples test/fixtures/prose -f json --as-of 2026-11-23 | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8' });
    expect({ stdout: result.stdout, stderr: result.stderr }).toEqual({ stdout: '1\n', stderr: '' });
  });
});
