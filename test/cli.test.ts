// The CLI in-process: exit codes, outputs (golden files), config, and every command.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';
import { expectGolden } from './helpers/golden.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', 'cli', name);
const RIVERSIDE = 'examples/riverside/arrangements.md';
const NORTHSHIRE = 'examples/northshire/arrangements.md';

describe('wtlint check: outputs', () => {
  it('stylish (golden): grouped by file, line:col, severity, message, ruleId, citation and help', async () => {
    const { code, stdout } = await cli(['check', RIVERSIDE, 'examples/westmoor']);
    expectGolden('stylish.txt', stdout);
    expect(code).toBe(1);
  });

  it('html (golden): one page with the text, evidence marked, what to add, elements and dates', async () => {
    const { code, stdout } = await cli(['check', RIVERSIDE, 'examples/westmoor', '-f', 'html']);
    expectGolden('riverside.html', stdout);
    expect(code).toBe(1);
    // The riverside text is there line by line, and the placeholder-only Funding heading is marked partial with why.
    expect(stdout).toContain(
      '<div class="ln" id="d1-L197"><a href="#d1-L197">197</a><span><mark class="finding" title="Funding: partial (the section holds only a placeholder)\nerror: Funding is only partly addressed: the &quot;13. Funding&quot; section at line 197 holds only a placeholder">## 13. Funding</mark></span></div>',
    );
    expect(stdout.match(/<h3>Dates checked<\/h3>/g)).toHaveLength(2);
    expect(stdout).toContain(
      '<li>Yearly report deadline: <span class="sev-error">Publication of the yearly report on 2024-12-10 is 71 days after the deadline of 2024-09-30</span></li>',
    );
  });

  it('html: a strict Content-Security-Policy, no script, and document text escaped everywhere', async () => {
    const { stdout } = await cli(['check', fixture('../html-page/hostile.md'), '-f', 'html']);
    const csp =
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-([A-Za-z0-9+/=]+)'; base-uri 'none'; form-action 'none'">/.exec(
        stdout,
      );
    const style = /<style>([\s\S]*?)<\/style>/.exec(stdout)![1]!;
    expect(csp?.[1]).toBe(createHash('sha256').update(style).digest('base64'));
    expect(stdout.match(/<script|<img|<b>Reviews|onerror="/gi)).toBeNull();
    expect(stdout).toContain('area: &lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt; Partnership');
    expect(stdout).toContain('&quot;A &amp; B&quot; &lt;b&gt;Reviews&lt;/b&gt;');
  });

  it('stylish with colour on a terminal, and none with --no-color', async () => {
    expect((await cli(['check', RIVERSIDE], { isTTY: true })).stdout).toContain('\u001b[31merror');
    expect((await cli(['check', RIVERSIDE, '--no-color'], { isTTY: true })).stdout).not.toContain('\u001b[');
  });

  it('json (golden): the versioned JSON contract with evidence', async () => {
    const { code, stdout } = await cli(['check', RIVERSIDE, '-f', 'json']);
    expectGolden('riverside.json', stdout);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['version', 'wtlint', 'asOf', 'documents', 'summary']);
    expect(report.summary).toEqual({ documents: 1, errors: 4, warnings: 1, infos: 2, accepted: 0 });
    expect(code).toBe(1);
  });

  it('a clean document exits 0 and says so', async () => {
    const { code, stdout } = await cli(['check', NORTHSHIRE]);
    expect(stdout.split('\n').slice(-5)).toEqual([
      '  info  7 observations: wt2023/agency-categories ×4, wt2023/funding-shares ×3',
      '',
      '✔ No errors or warnings in 1 document (7 info)',
      'The 7 info findings are observations to check, not failures; --verbose lists them.',
      '',
    ]);
    expect(code).toBe(0);
  });

  it('--verbose lists the info findings in full, with citation and hint, and no longer counts them', async () => {
    const { code, stdout } = await cli(['check', NORTHSHIRE, '--verbose']);
    const lines = stdout.split('\n');
    expect(lines.filter((l) => /^ {2}\d+:\d+ +info /.test(l))).toHaveLength(7);
    expect(lines.filter((l) => l.trimStart().startsWith('→ '))).toHaveLength(7);
    expect(lines.slice(-3)).toEqual(['', '✔ No errors or warnings in 1 document (7 info)', '']);
    expect(code).toBe(0);
  });

  it('--quiet shows errors only; warnings still count for --max-warnings', async () => {
    const quiet = await cli(['check', RIVERSIDE, '-q', '-f', 'json']);
    expect(JSON.parse(quiet.stdout).documents[0].findings.map((f: { severity: string }) => f.severity)).toEqual([
      'error',
      'error',
      'error',
      'error',
    ]);
    const dir = tempDir();
    writeFileSync(join(dir, 'draft.md'), readFileSync('examples/eastbrook/arrangements.md'));
    expect((await cli(['check', 'draft.md'], { cwd: dir })).code).toBe(0); // two warnings
    expect((await cli(['check', 'draft.md', '--max-warnings', '1'], { cwd: dir })).code).toBe(1);
    expect((await cli(['check', 'draft.md', '--max-warnings', '2'], { cwd: dir })).code).toBe(0);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const { code, stdout } = await cli(['check', join(process.cwd(), RIVERSIDE), '-f', 'json', '-o', out], { cwd: dir });
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.errors).toBe(4);
    expect(code).toBe(1);
  });

  it('reads standard input with -, named by --stdin-filename', async () => {
    const text = readFileSync(RIVERSIDE, 'utf8');
    const { stdout } = await cli(['check', '-', '--stdin-filename', 'draft.md', '-f', 'json'], { stdin: text });
    const doc = JSON.parse(stdout).documents[0];
    expect([doc.file, doc.elements.funding]).toEqual(['draft.md', 'partial']);
  });

  it('--as-of is the day dates are judged at', async () => {
    const draft = readFileSync('examples/westmoor/yearly-report-2023-24.md', 'utf8').replace(/^published: .*\n/m, '');
    const ids = async (asOf: string) =>
      JSON.parse(
        (await cli(['check', '-', '--stdin-filename', 'r.md', '--as-of', asOf, '-f', 'json'], { stdin: draft })).stdout,
      ).documents[0].findings.map((f: { ruleId: string; messageId: string }) => `${f.ruleId} ${f.messageId}`);
    expect(await ids('2024-09-30')).not.toContain('wt2023/report-deadline overdue');
    expect(await ids('2024-10-01')).toContain('wt2023/report-deadline overdue');
  });
});

describe('wtlint check: usage errors exit 2 with a message that says what to do', () => {
  const cases: [string[], string][] = [
    [
      ['check', 'no/such/file.md'],
      'wtlint: No such file or folder: no/such/file.md\nCheck the path, or run wtlint from the folder that holds your documents.\n',
    ],
    [
      ['check', RIVERSIDE, '--as-of', '2025-02-30'],
      'wtlint: --as-of "2025-02-30" is not a date\nGive a real calendar date as YYYY-MM-DD, e.g. --as-of 2025-09-30.\n',
    ],
    [['check', RIVERSIDE, '--edition', '2020'], 'wtlint: --edition "2020" is not an edition wtlint knows\nUse one of: 2018, 2023.\n'],
    [
      ['check', RIVERSIDE, '--max-warnings', 'many'],
      'wtlint: --max-warnings "many" is not a whole number\nGive --max-warnings a number of 0 or more.\n',
    ],
  ];
  for (const [argv, message] of cases) {
    it(argv.slice(1).join(' '), async () => {
      const { code, stderr } = await cli(argv);
      expect(stderr).toBe(message);
      expect(code).toBe(2);
    });
  }

  it('an unknown format lists the choices', async () => {
    const { code, stderr } = await cli(['check', RIVERSIDE, '-f', 'pdf']);
    expect(stderr).toContain("error: option '-f, --format <name>' argument 'pdf' is invalid. Allowed choices are");
    expect(code).toBe(2);
  });

  it('a folder with no documents', async () => {
    const dir = tempDir();
    const { code, stderr } = await cli(['check', '.'], { cwd: dir });
    expect(stderr).toBe(
      'wtlint: No documents found in .\nwtlint checks .md, .markdown, .yaml, .yml, .html, .htm, .docx and .pdf files; name a file or a folder that holds them.\n',
    );
    expect(code).toBe(2);
  });
});

describe('folders', () => {
  it('recurses, skipping node_modules, dot-folders, READMEs and wtlint files; broken documents do not stop the others', async () => {
    const dir = tempDir();
    for (const sub of ['areas/a', 'areas/b', 'node_modules/x', '.git']) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'areas/a/arrangements.md'), readFileSync(RIVERSIDE));
    writeFileSync(join(dir, 'areas/b/report.yaml'), 'kind: yearly-report\narea: [broken\n');
    writeFileSync(join(dir, 'areas/b/README.md'), '# About this folder\n');
    writeFileSync(join(dir, 'node_modules/x/arrangements.md'), '# not ours\n');
    writeFileSync(join(dir, '.git/arrangements.md'), '# not ours\n');
    writeFileSync(join(dir, 'wtlint.config.yaml'), 'rules:\n  vcse: off\n');
    const { code, stdout } = await cli(['check', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(stdout);
    expect(report.documents.map((d: { file: string }) => d.file)).toEqual(['areas/a/arrangements.md', 'areas/b/report.yaml']);
    expect(report.documents[1].findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['parse-error', 3]]);
    expect(report.documents[0].elements.vcse).toBe('not-applicable');
    expect(code).toBe(1);
  });
});

describe('config', () => {
  it('is found from the working directory upward and re-grades rules', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'docs/drafts'), { recursive: true });
    writeFileSync(
      join(dir, '.wtlintrc.yaml'),
      'asOf: 2026-01-01\nrules:\n  wt2023/funding: warning\n  independent-scrutiny: off\n  education: info\n  yearly-report: off\n  lead-sign-off: off\nignore:\n  - "docs/drafts/old-*.md"\n',
    );
    writeFileSync(join(dir, 'docs/drafts/arrangements.md'), readFileSync(RIVERSIDE));
    writeFileSync(join(dir, 'docs/drafts/old-arrangements.md'), readFileSync(RIVERSIDE));
    const { code, stdout } = await cli(['check', '.', '-f', 'json'], { cwd: join(dir, 'docs') });
    const report = JSON.parse(stdout);
    expect(report.asOf).toBe('2026-01-01');
    expect(report.documents.map((d: { file: string }) => d.file)).toEqual(['drafts/arrangements.md']);
    expect(report.documents[0].findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([
      ['wt2023/child-death-review', 'info'],
      ['wt2023/education', 'info'],
      ['wt2023/agency-categories', 'info'],
      ['wt2023/funding', 'warning'],
    ]);
    expect(code).toBe(0);
  });

  const bad: [string, string][] = [
    [
      'rules:\n  wt2023/funding: loud\n',
      'wtlint: wtlint.config.yaml:2:3 `rules.wt2023/funding` must be one of "off", "info", "warning", "error"\n',
    ],
    ['edition: 2023\nasof: 2025-01-01\n', 'wtlint: wtlint.config.yaml:2:1 Unknown key `asof` in the document\n'],
    ['rules: [a\n', 'wtlint: wtlint.config.yaml:2:1 YAML error ('],
  ];
  for (const [text, message] of bad) {
    it(`a mistake is exit 2 naming file:line:column (${JSON.stringify(text)})`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'wtlint.config.yaml'), text);
      writeFileSync(join(dir, 'a.md'), readFileSync(RIVERSIDE));
      const { code, stderr } = await cli(['check', 'a.md'], { cwd: dir });
      expect(stderr.startsWith(message)).toBe(true);
      expect(code).toBe(2);
    });
  }
});

describe('other commands', () => {
  it('explain prints the citation, why, how to fix and an example (golden)', async () => {
    const { code, stdout } = await cli(['explain', 'wt2023/independent-scrutiny']);
    expectGolden('explain-independent-scrutiny.txt', stdout);
    expect(code).toBe(0);
  });

  it('explain by element shows every edition and kind; an unknown rule suggests near ones', async () => {
    const { stdout } = await cli(['explain', 'funding']);
    expect(stdout.match(/^wt20\d\d\/funding: .*$/gm)).toEqual([
      'wt2018/funding: Funding',
      'wt2018/funding: Budget and contributions',
      'wt2023/funding: Funding',
      'wt2023/funding: Budget and contributions',
    ]);
    const unknown = await cli(['explain', 'wt2023/fundng']);
    expect(unknown.stderr).toBe(
      'wtlint: No rule "wt2023/fundng"\nDid you mean: wt2018/funding, wt2018/funding-total, wt2018/funding-shares, wt2018/funding-equity, wt2023/funding, wt2023/funding-total? `wtlint rules` lists them all.\n',
    );
    expect(unknown.code).toBe(2);
  });

  it('rules lists every rule, filtered by edition and kind', async () => {
    const { stdout } = await cli(['rules', '--edition', '2023', '--kind', 'yearly-report', '--json']);
    const ids = JSON.parse(stdout).map((r: { ruleId: string }) => r.ruleId);
    expect(ids).toContain('wt2023/report-deadline');
    expect(ids).toContain('wt2023/submission');
    expect(ids.filter((id: string) => id.startsWith('wt2018'))).toEqual([]);
    expect(ids).not.toContain('wt2023/vcse');
  });

  it('init writes a document with every expected heading, each partial until filled in, and refuses to overwrite', async () => {
    const dir = tempDir();
    const first = await cli(['init', '--kind', 'arrangements', '--edition', '2023', '--area', 'Testshire Partnership'], { cwd: dir });
    expect(first.code).toBe(0);
    const check = await cli(['check', 'arrangements.md', '-f', 'json'], { cwd: dir });
    const statuses = new Set(Object.values(JSON.parse(check.stdout).documents[0].elements));
    expect([...statuses]).toEqual(['partial']);
    const again = await cli(['init', '--kind', 'arrangements', '--edition', '2023'], { cwd: dir });
    expect(again.stderr).toBe(
      'wtlint: arrangements.md already exists; wtlint init never overwrites a document\nMove or rename it, or run init in another folder.\n',
    );
    expect(again.code).toBe(2);
  });

  it('init for a 2018 yearly report gives every report element as partial', async () => {
    const dir = tempDir();
    await cli(['init', '--kind', 'yearly-report', '--edition', '2018'], { cwd: dir });
    expect(existsSync(join(dir, 'yearly-report.md'))).toBe(true);
    const check = await cli(['check', 'yearly-report.md', '-f', 'json'], { cwd: dir });
    const elements = JSON.parse(check.stdout).documents[0].elements as Record<string, string>;
    expect(Object.entries(elements).filter(([element, s]) => s !== 'partial' && element !== 'report-period')).toEqual([]);
    expect(elements['report-period']).toBe('present'); // the template fills in the period
  });

  it('schema prints one self-contained JSON Schema', async () => {
    const { code, stdout } = await cli(['schema', '--kind', 'yearly-report', '--edition', '2023']);
    const schema = JSON.parse(stdout);
    expect(schema.$id).toBe('https://wtlint.invalid/schemas/2023/yearly-report.schema.json');
    expect(stdout).not.toContain('defs.schema.json');
    expect(Object.keys(schema.properties)).toContain('period');
    expect(code).toBe(0);
  });

  it('--version and --help exit 0', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    expect((await cli(['--help'])).code).toBe(0);
  });
});

void fixture;
