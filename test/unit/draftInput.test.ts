import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';
import { extractStatements } from '../../src/core/markdown/statements';
import { CLI, REPO, runCli } from './runCli';

const MISQUOTE = '“Anyone who talks to Putin is welcome,” the diplomat said.\n';


describe('draft text: invisible characters and math', () => {
  it('ignores zero-width characters inside words when matching, keeping offsets in the draft', async () => {
    const engine = new SourcedEngine();
    await engine.loadCorpus({ base: REPO, roots: ['corpus'] });
    const plain = 'Belarus and Hungary are close allies of the Kremlin.';
    const hidden = 'Bela\u200Drus and Hun\u200Bgary are close al\u00ADlies of the Krem\u2060lin.';
    const [statement] = extractStatements(hidden);
    assert.equal(statement.text, plain);
    assert.equal(hidden[statement.textOffsets[4]], 'r');
    assert.deepEqual(engine.checkDraft(hidden).map((r) => [r.verdict, r.message]), engine.checkDraft(plain).map((r) => [r.verdict, r.message]));
  });

  it('skips $$ display math, on one line or several, but not an unclosed $$ or money', () => {
    const md = 'Before the formula.\n\n$$\nE = mc^2. Not a claim.\n$$\n\n$$ a^2 + b^2 = c^2. Not a claim. $$\n\nThe fee was $5 and $6 later.\n\n$$ not closed. A claim.\n\nAfter.';
    assert.deepEqual(extractStatements(md).map((s) => s.text), ['Before the formula.', 'The fee was $5 and $6 later.', '$$ not closed.', 'A claim.', 'After.']);
  });
});

describe('sourced check: draft encodings and arguments', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'build first: node esbuild.js --tests');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-draft-input-'));
    fs.cpSync(path.join(REPO, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'plain.md'), MISQUOTE);
    fs.writeFileSync(path.join(dir, 'bom.md'), `\uFEFF${MISQUOTE}`);
    fs.writeFileSync(path.join(dir, 'utf16le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MISQUOTE, 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'utf16be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MISQUOTE, 'utf16le').swap16()]));
    fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('Caf\xe9 owners said the tram was late.\n', 'latin1'));
    fs.writeFileSync(path.join(dir, '-dash.md'), MISQUOTE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the same columns for a draft with a UTF-8 byte order mark as without', () => {
    const plain = runCli(['check', 'plain.md'], dir);
    const bom = runCli(['check', 'bom.md'], dir);
    assert.equal(plain.code, 1);
    assert.equal(bom.stdout.replaceAll('bom.md', 'plain.md'), plain.stdout);
    assert.match(plain.stdout, /^plain\.md:1:2: warning: Misquote/m);
  });

  it('checks UTF-16 drafts with a byte order mark, little- and big-endian', () => {
    const plain = runCli(['check', 'plain.md'], dir);
    for (const name of ['utf16le.md', 'utf16be.md']) {
      const r = runCli(['check', name], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stdout.replaceAll(name, 'plain.md'), plain.stdout);
    }
  });

  it('refuses a draft that is not valid UTF-8 with a message, instead of checking U+FFFD', () => {
    const r = runCli(['check', 'latin1.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /latin1\.md is not valid UTF-8 text: re-save it as UTF-8/);
    assert.equal(r.stdout, '');
  });

  it('takes a single source file as --corpus', () => {
    const r = runCli(['check', '--corpus', 'corpus/000_75a6b70249c89a2f.txt', 'plain.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /1 statements in 1 file checked: 1 flagged/);
    const json = JSON.parse(runCli(['check', '--corpus', 'corpus/000_75a6b70249c89a2f.txt', '--format', 'json', 'plain.md'], dir).stdout);
    assert.equal(json.corpus.documents, 1);
  });

  it('reads every argument after -- as a draft, even one starting with a dash', () => {
    const r = runCli(['check', '--', '-dash.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^-dash\.md:1:2: warning: Misquote/m);
    assert.match(runCli(['check', '-dash.md'], dir).stderr, /unknown option "-dash\.md"/);
  });
});
