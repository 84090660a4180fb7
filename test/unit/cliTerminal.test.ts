import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { terminalLine, terminalSafe } from '../../src/cli/terminalText';
import { CLI, runCli } from './runCli';

const ESC = '\u001b';
/** Any control character but the line breaks the CLI writes itself. */
const RAW_CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069](?<!\n)/u;


describe('terminal-safe text', () => {
  it('escapes C0 and C1 controls and bidi overrides, and leaves other text alone', () => {
    assert.equal(terminalSafe(`a${ESC}[2Jb\rc\u0085d\u202Ee\u2066f`), 'a\\x1B[2Jb\\x0Dc\\x85d\\u202Ee\\u2066f');
    assert.equal(terminalSafe('Zoë said “ça va” — 3 × 4 ≠ 11 🙂'), 'Zoë said “ça va” — 3 × 4 ≠ 11 🙂');
    assert.equal(terminalSafe('a\nb'), 'a\\x0Ab');
  });

  it('reads line breaks and tabs in a one-line message as spaces', () => {
    assert.equal(terminalLine('a\r\nb\tc\rd'), 'a b c d');
  });
});

describe('sourced check never writes source text, file names or draft paths raw to a terminal', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'build first: node esbuild.js --tests');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-cli-terminal-'));
    fs.mkdirSync(path.join(dir, 'corpus'));
    fs.writeFileSync(path.join(dir, 'corpus', 'a.txt'), `Harbour news\n\nThe mayor said: “We will ${ESC}[2J${ESC}[31mbuild the new bridge by next spring and the\rferry stays,” at the council meeting on Monday.\n`);
    fs.writeFileSync(path.join(dir, 'corpus', 'fake\nsourced: all good, nothing flagged.txt'), Buffer.from([0, 1, 2, 3]));
    fs.writeFileSync(path.join(dir, 'corpus', 'b.md'), `---\ntitle: !weird "${ESC}[31mred${ESC}[0m"\n---\nThe port opened in 1901.\n`);
    fs.writeFileSync(path.join(dir, `draft${ESC}[2J.md`), '“We will build the new tunnel by next spring and the ferry stays,” the mayor said.\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('escapes a source quotation with ESC sequences and a lone CR inside a misquote message', () => {
    const r = runCli(['check', `draft${ESC}[2J.md`], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!RAW_CONTROL.test(r.stdout), JSON.stringify(r.stdout));
    assert.match(r.stdout, /^draft\\x1B\[2J\.md:1:2: warning: Misquote: the source says "We will \\x1B\[2J\\x1B\[31mbuild the new bridge by next spring and the ferry stays"\. \[misquote\]$/m);
  });

  it('cannot forge a line on stderr with a newline in a file name, and prints no library warning raw', () => {
    const r = runCli(['check', `draft${ESC}[2J.md`], dir);
    assert.ok(!RAW_CONTROL.test(r.stderr), JSON.stringify(r.stderr));
    assert.ok(!/^sourced: all good/m.test(r.stderr), r.stderr);
    assert.match(r.stderr, /^sourced: skipped corpus\/fake\\x0Asourced: all good, nothing flagged\.txt: binary file/m);
    assert.ok(!r.stderr.includes('red'), `the YAML warning quoted the source: ${r.stderr}`);
  });

  it('escapes a draft path in an error message', () => {
    // ESC ( 0 switches a terminal to line-drawing characters.
    const r = runCli(['check', `missing${ESC}(0owned.md`], dir);
    assert.equal(r.code, 2);
    assert.ok(!RAW_CONTROL.test(r.stderr), JSON.stringify(r.stderr));
    assert.match(r.stderr, /draft not found: missing\\x1B\(0owned\.md/);
  });

  it('reads a draft whose name has glob characters, a lone bracket or brace included', () => {
    fs.writeFileSync(path.join(dir, 'notes]{1}[2].md'), 'The port opened in 1901.\n');
    const r = runCli(['check', 'notes]{1}[2].md'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1 statements in 1 file checked/);
  });

  it('keeps JSON output as JSON: the string escapes are its own', () => {
    const r = runCli(['check', '--format', 'json', `draft${ESC}[2J.md`], dir);
    const report = JSON.parse(r.stdout);
    assert.equal(report.files[0].path, `draft${ESC}[2J.md`);
    assert.ok(!RAW_CONTROL.test(r.stdout));
  });
});
