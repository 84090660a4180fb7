import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, REPO, runCli } from './runCli';



describe('sourced check CLI', function () {
  this.timeout(20000);
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'build first: node esbuild.js --tests');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-cli-'));
    fs.cpSync(path.join(REPO, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'good.md'), '# Story\n\nBelarus and Hungary are close allies of the Kremlin.\n\nWhat comes next?\n');
    fs.writeFileSync(path.join(dir, 'bad.md'), '# Story\n\nBeijing has now abandoned its zero COVID strategy.\n\n“Anyone who talks to Putin is welcome,” the diplomat said.\n');
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with a summary when nothing is flagged', () => {
    const r = runCli(['check', 'good.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2 statements in 1 file checked: nothing flagged\./);
  });

  it('prints path:line:col: warning: message [code] and exits 1 when something is flagged', () => {
    const r = runCli(['check', 'bad.md'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^bad\.md:5:2: warning: Misquote: the source says "Anyone who reaches out to Putin is welcome"\. \[misquote\]$/m);
    assert.match(r.stdout, /1 flagged \(1 misquote\)/);
  });

  it('prints every statement as JSON with 0-based ranges and sources best first', () => {
    const r = runCli(['check', '--format', 'json', 'bad.md'], dir);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(report.corpus, { root: 'corpus', documents: 5, passages: report.corpus.passages });
    const [file] = report.files;
    assert.equal(file.path, 'bad.md');
    assert.deepEqual(file.statements.map((s: { verdict: string }) => s.verdict), ['supported', 'misquote']);
    const first = file.statements[0];
    assert.deepEqual(first.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 50 } });
    assert.equal(first.sources[0].document, 'corpus/003_6147f8965dcc949e.txt');
    assert.ok(first.sources[0].score >= first.sources[first.sources.length - 1].score);
    // The source's own metadata, as the hover card shows it, never its file path as a title.
    assert.equal(first.sources[0].title, 'China is not abandoning the West, but is betting on Russia');
    assert.equal(first.sources[0].outlet, 'CNN');
    for (const source of file.statements.flatMap((s: { sources: { title: string }[] }) => s.sources)) assert.doesNotMatch(source.title, /\.txt|corpus\//);
    const keys = new Set<string>(file.statements.flatMap((s: { sources: object[] }) => s.sources.flatMap((source) => Object.keys(source))));
    assert.deepEqual([...keys].filter((k) => !['document', 'range', 'score', 'text', 'title', 'outlet', 'author', 'date', 'url'].includes(k)), []);
    assert.ok(keys.has('author'), 'no source carries its author');
  });

  it('accepts an empty draft', () => {
    const r = runCli(['check', 'empty.md'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /0 statements/);
  });

  it('exits 2 with a clear message on usage and input errors', () => {
    const cases: [string[], RegExp][] = [
      [['check'], /no draft given/],
      [['check', 'nowhere/'], /draft not found: nowhere\//],
      [['check', 'drafts-*/**/*.md'], /no Markdown drafts match "drafts-\*\/\*\*\/\*\.md"/],
      [['check', '--format', 'xml', 'good.md'], /unknown format "xml"/],
      [['check', '--frobnicate', 'good.md'], /unknown option "--frobnicate"/],
      [['check', 'missing.md'], /draft not found: missing\.md/],
      [['check', '--corpus', 'nowhere', 'good.md'], /corpus not found: nowhere/],
      [['lint', 'good.md'], /unknown command "lint"/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    fs.writeFileSync(path.join(dir, 'book.md'), 'A sentence of a very long book.\n'.repeat(70_000));
    const book = runCli(['check', 'book.md'], dir);
    assert.equal(book.code, 2);
    assert.match(book.stderr, /book\.md is 2\.2 million characters; drafts over 2 million are not checked: split it/);
    assert.equal(book.stdout, '');
    fs.mkdirSync(path.join(dir, 'hollow'), { recursive: true });
    const empty = runCli(['check', '--corpus', 'hollow', 'good.md'], dir);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no sources to check against in hollow/);
  });

  it('prints the version from package.json', () => {
    const r = runCli(['--version'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });

  it('shows help', () => {
    const r = runCli(['--help'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: sourced check/);
    assert.match(r.stdout, /--version/);
  });
});

describe('sourced check: which drafts', function () {
  this.timeout(20000);
  let dir: string;
  const checked = (args: string[]): string[] => {
    const r = runCli(['check', '--format', 'json', ...args], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    return JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-cli-inputs-'));
    fs.cpSync(path.join(REPO, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'corpus', 'notes.md'), '# Notes\n\nA source in Markdown, not a draft.\n');
    const write = (file: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), 'Belarus and Hungary are close allies of the Kremlin.\n');
    };
    for (const file of ['drafts/b.md', 'drafts/a.markdown', 'drafts/notes.txt', 'drafts/desk/c.md', 'drafts/node_modules/pkg/readme.md', 'drafts/.trash/old.md', 'top.md']) write(file);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes a folder: its Markdown files, sorted, without node_modules or dot folders', () => {
    assert.deepEqual(checked(['drafts']), ['drafts/a.markdown', 'drafts/b.md', 'drafts/desk/c.md']);
  });

  it('takes globs and files, each draft once, and leaves the corpus out of "."', () => {
    assert.deepEqual(checked(['drafts/*.md', 'drafts/b.md', 'top.md']), ['drafts/b.md', 'top.md']);
    assert.deepEqual(checked(['**/*.md']), ['drafts/b.md', 'drafts/desk/c.md', 'top.md']);
    assert.deepEqual(checked(['.']), ['drafts/a.markdown', 'drafts/b.md', 'drafts/desk/c.md', 'top.md']);
  });

  it('reads a file named outright whatever its extension', () => {
    assert.deepEqual(checked(['drafts/notes.txt']), ['drafts/notes.txt']);
  });

  it('says when a folder holds no Markdown draft', () => {
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
    const r = runCli(['check', 'empty'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no Markdown drafts \(\.md, \.markdown\) in folder empty/);
  });
});
