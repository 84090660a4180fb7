// Source-side defects from the hostile-input review (issue 13), each at its cause: identical copies
// of a source, a file made readable after a load, a damaged cache and a cache kept in the corpus.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const SAMPLE = 'corpus/000_75a6b70249c89a2f.txt';
const CLAIM = 'Belarus and Hungary are close allies of the Kremlin.';

describe('source-side defects', function () {
  this.timeout(60_000);
  let dir: string;
  let corpus: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-defects-'));
    corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts identical copies of a source once, so they cannot outvote it', async () => {
    const text = fs.readFileSync(path.join(REPO, SAMPLE));
    fs.writeFileSync(path.join(corpus, 'original.txt'), text);
    const single = new SourcedEngine();
    await single.loadCorpus({ base: dir, roots: ['corpus'] });
    const [alone] = single.checkDraft(CLAIM);
    assert.equal(alone.verdict, 'supported');
    for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(corpus, `copy-${String(i).padStart(3, '0')}.txt`), text);
    const copied = new SourcedEngine();
    const report = await copied.loadCorpus({ base: dir, roots: ['corpus'] });
    assert.equal(report.documents, 1);
    assert.equal(report.skipped.length, 100);
    assert.match(report.skipped[0].reason, /^identical to corpus\/copy-000\.txt: indexed once$/);
    assert.deepEqual(copied.checkDraft(CLAIM).map((r) => r.verdict), ['supported']);
    // A copy added later is refused too, and indexed once its original is gone.
    assert.match((await copied.upsertFile(path.join(corpus, 'original.txt')))?.reason ?? '', /identical to corpus\/copy-000\.txt/);
  });

  it('re-reads a file made readable after a load that skipped it (the cache stamp holds its permissions)', async () => {
    const file = path.join(corpus, 'locked.txt');
    fs.writeFileSync(file, fs.readFileSync(path.join(REPO, SAMPLE)));
    fs.chmodSync(file, 0o200);
    const cacheDir = path.join(dir, 'cache');
    // Tests run as root, who reads anything: the denial is simulated for the first load only.
    const { readFile } = fs.promises;
    fs.promises.readFile = (async (target: fs.PathLike, ...rest: unknown[]) => {
      if (String(target) === file) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      return (readFile as (...args: unknown[]) => Promise<Buffer>)(target, ...rest);
    }) as typeof fs.promises.readFile;
    try {
      const first = new SourcedEngine({ cacheDir });
      const report = await first.loadCorpus({ base: dir, roots: ['corpus'] });
      await first.cacheSaved();
      assert.match(report.skipped[0]?.reason ?? '', /permission denied/);
    } finally {
      fs.promises.readFile = readFile;
    }
    fs.chmodSync(file, 0o644);
    const second = new SourcedEngine({ cacheDir });
    const report = await second.loadCorpus({ base: dir, roots: ['corpus'] });
    // The refreshed cache is written after the load returns: it must be on disk before the folder is removed.
    await second.cacheSaved();
    assert.deepEqual(report.skipped, []);
    assert.deepEqual([...second.documents.keys()], ['corpus/locked.txt']);
  });

  it('says when it rebuilt a damaged cache (the engine report, and the CLI on stderr)', () => {
    assert.ok(fs.existsSync(CLI), 'build first: node esbuild.js --tests');
    fs.copyFileSync(path.join(REPO, SAMPLE), path.join(corpus, 'a.txt'));
    fs.writeFileSync(path.join(dir, 'draft.md'), `${CLAIM}\n`);
    const run = () => spawnSync(process.execPath, [CLI, 'check', '--cache', 'cache', 'draft.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run().status, 0);
    const [cacheFile] = fs.readdirSync(path.join(dir, 'cache')).map((f) => path.join(dir, 'cache', f));
    const bytes = fs.readFileSync(cacheFile);
    bytes[bytes.length - 10] ^= 0xff;
    fs.writeFileSync(cacheFile, bytes);
    const damaged = run();
    assert.equal(damaged.status, 0, damaged.stderr);
    assert.match(damaged.stderr, /sourced: the index cache was damaged \(.*\): rebuilt from the sources/);
    assert.doesNotMatch(run().stderr, /cache/, 'the rebuilt cache is used quietly');
  });

  it('refuses --cache inside the corpus folder, which would index its own cache', () => {
    fs.copyFileSync(path.join(REPO, SAMPLE), path.join(corpus, 'a.txt'));
    fs.writeFileSync(path.join(dir, 'draft.md'), `${CLAIM}\n`);
    const out = spawnSync(process.execPath, [CLI, 'check', '--cache', 'corpus/cache', 'draft.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(out.status, 2);
    assert.match(out.stderr, /--cache corpus\/cache is inside the corpus folder corpus/);
    assert.ok(!fs.existsSync(path.join(corpus, 'cache')), 'nothing written in the corpus');
  });
});
