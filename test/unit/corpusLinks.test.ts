// A corpus is what lies under its folder: a symbolic link is followed only when its real target is
// inside it, a link loop ends, and a file reached twice is indexed once. Otherwise a hostile
// workspace could make a check quote /etc/passwd (or walk the whole disk) into a CI log.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OUTSIDE_CORPUS } from '../../src/core/corpus/loadCorpus';
import { SourcedEngine } from '../../src/core/engine';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const SECRET = 'root x 0 0 root /root /bin/bash: the secret ledger of account 4471 lists every password.';
const STORY = 'The harbour council approved forty new permits on Tuesday after a long debate.';

describe('links in the corpus', () => {
  let dir: string;
  let corpus: string;
  const reasons = (report: { skipped: Array<{ path: string; reason: string }> }) => new Map(report.skipped.map((s) => [path.relative(dir, s.path), s.reason]));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-links-'));
    corpus = path.join(dir, 'corpus');
    fs.mkdirSync(path.join(corpus, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(corpus, 'story.txt'), STORY);
    fs.mkdirSync(path.join(dir, 'private'));
    fs.writeFileSync(path.join(dir, 'private', 'ledger.txt'), SECRET);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('does not follow a link to a file or folder outside the corpus, and says so for each', async () => {
    fs.symlinkSync(path.join(dir, 'private', 'ledger.txt'), path.join(corpus, 'p.txt'));
    fs.symlinkSync(path.join(dir, 'private'), path.join(corpus, 'sub', 'elsewhere'));
    fs.symlinkSync('/', path.join(corpus, 'root'));
    if (fs.existsSync('/etc/passwd')) fs.symlinkSync('/etc/passwd', path.join(corpus, 'passwd.txt'));
    const engine = new SourcedEngine();
    const report = await engine.loadCorpus({ base: dir, roots: ['corpus'] });
    assert.deepEqual([...engine.documents.keys()], ['corpus/story.txt']);
    const skipped = reasons(report);
    for (const link of ['corpus/p.txt', 'corpus/sub/elsewhere', 'corpus/root', ...(fs.existsSync('/etc/passwd') ? ['corpus/passwd.txt'] : [])]) {
      assert.equal(skipped.get(link), OUTSIDE_CORPUS, link);
    }
    const hits = engine.checkDraft(`${SECRET}\n`).flatMap((r) => r.sources);
    assert.ok(!JSON.stringify(hits).includes('secret ledger'), 'no evidence from outside the corpus');
  });

  it('never quotes a linked-in file in the CLI output, and lists the link on stderr', () => {
    assert.ok(fs.existsSync(CLI), 'build first: node esbuild.js --tests');
    fs.symlinkSync(path.join(dir, 'private', 'ledger.txt'), path.join(corpus, 'p.txt'));
    fs.writeFileSync(path.join(dir, 'draft.md'), 'The secret ledger of account 4471 lists every password.\n');
    const out = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'draft.md'], { cwd: dir, encoding: 'utf8' });
    assert.doesNotMatch(out.stdout, /root x 0 0/);
    assert.doesNotMatch(out.stdout, /corpus\/p\.txt/);
    assert.match(out.stderr, /skipped corpus\/p\.txt: a link to a file or folder outside the corpus folder/);
  });

  it('follows links that stay inside the corpus, indexing each real file once, and ends link loops', async () => {
    fs.writeFileSync(path.join(corpus, 'sub', 'notes.md'), `# Notes\n\n${STORY.replace('forty', 'fifty')}\n`);
    fs.symlinkSync(path.join(corpus, 'story.txt'), path.join(corpus, 'again.txt'));
    fs.symlinkSync(path.join(corpus, 'sub'), path.join(corpus, 'alias'));
    fs.symlinkSync(corpus, path.join(corpus, 'sub', 'up'));
    const engine = new SourcedEngine();
    const report = await engine.loadCorpus({ base: dir, roots: ['corpus'] });
    assert.deepEqual([...engine.documents.keys()].sort(), ['corpus/story.txt', 'corpus/sub/notes.md']);
    assert.match(reasons(report).get('corpus/again.txt') ?? '', /^the same file as .*story\.txt \(reached through a link\): indexed once$/);
  });

  it('reads a corpus folder that is itself a link (the user named it)', async () => {
    fs.symlinkSync(corpus, path.join(dir, 'linked'));
    const engine = new SourcedEngine();
    await engine.loadCorpus({ base: dir, roots: ['linked'] });
    assert.deepEqual([...engine.documents.keys()], ['linked/story.txt']);
  });

  it('refuses a link out of the corpus that appears after the load (a watcher update)', async () => {
    const engine = new SourcedEngine();
    await engine.loadCorpus({ base: dir, roots: ['corpus'] });
    const link = path.join(corpus, 'late.txt');
    fs.symlinkSync(path.join(dir, 'private', 'ledger.txt'), link);
    const skipped = await engine.upsertFile(link);
    assert.equal(skipped?.reason, OUTSIDE_CORPUS);
    assert.deepEqual([...engine.documents.keys()], ['corpus/story.txt']);
    fs.writeFileSync(path.join(corpus, 'fresh.txt'), STORY.replace('Tuesday', 'Monday'));
    assert.equal(await engine.upsertFile(path.join(corpus, 'fresh.txt')), undefined);
  });
});
