import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';
import { WorkerLoadedEngine } from '../../src/core/worker/workerLoadedEngine';

// Built by `node esbuild.js` next to the extension bundle.
const WORKERS = { workerScript: path.resolve(__dirname, '../../../dist/indexWorker.js'), checkWorkerScript: path.resolve(__dirname, '../../../dist/checkWorker.js') };
const ROOT = path.resolve(__dirname, '../../..');
const DRAFT = 'Lukashenko met Xi in Beijing. The moon is made of cheese, the minister said.\n\n"We are friends forever," Xi told reporters.\n';

/** As data: results cross a thread boundary by structured clone. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('draft-checking worker', function () {
  this.timeout(60000);
  let engine: WorkerLoadedEngine;
  let direct: SourcedEngine;
  before(async () => {
    direct = new SourcedEngine();
    await direct.loadCorpus({ base: ROOT, roots: ['corpus'] });
  });
  beforeEach(async () => {
    engine = new WorkerLoadedEngine(WORKERS);
    await engine.loadCorpus({ base: ROOT, roots: ['corpus'] });
  });
  afterEach(() => engine.dispose());

  it('gives the same results as a check on this thread', async () => {
    const results = await engine.checkDraftLater(DRAFT, 'draft.md');
    assert.ok(results && results.length === 3);
    assert.deepEqual(plain(results), plain(direct.checkDraft(DRAFT)));
  });

  it('drops a check that a newer one of the same draft superseded, and keeps other drafts apart', async () => {
    const long = `${DRAFT.repeat(300)}`;
    const stale = engine.checkDraftLater(long, 'draft.md');
    const other = engine.checkDraftLater(DRAFT, 'other.md');
    const fresh = engine.checkDraftLater(DRAFT, 'draft.md');
    assert.equal(await stale, undefined);
    assert.equal((await other)?.length, 3);
    assert.equal((await fresh)?.length, 3);
  });

  it('stops a superseded check at its next statement instead of finishing it', async () => {
    // Distinct figures: repeated statements reuse what the checker remembers and a whole check ends too soon to compare.
    const long = Array.from({ length: 600 }, (_, i) => `Lukashenko met Xi in Beijing ${i + 2} times. The moon is ${i + 2} percent cheese, the minister said.\n\n"We are friends forever," Xi told ${i + 2} reporters.\n`).join('');
    const started = Date.now();
    const stale = engine.checkDraftLater(long, 'draft.md');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fresh = engine.checkDraftLater('Xi visited Minsk.', 'draft.md');
    assert.equal(await stale, undefined);
    assert.equal((await fresh)?.length, 1);
    const cancelledAfter = Date.now() - started;
    const fullStarted = Date.now();
    assert.equal((await engine.checkDraftLater(long, 'full.md'))?.length, 1800);
    assert.ok(cancelledAfter < (Date.now() - fullStarted) / 2, `a cancelled check (${cancelledAfter} ms) ran as long as a whole one`);
  });

  it('hands over the visible statements first, then all of them in draft order', async () => {
    const draft = `${'The moon is made of cheese. '.repeat(50)}\n\nLukashenko met Xi in Beijing.\n`;
    const visible = { start: draft.indexOf('Lukashenko'), end: draft.length };
    let first: string[] = [];
    const results = await engine.checkDraftLater(draft, 'draft.md', {
      visible,
      onPart: (part) => {
        if (first.length === 0) first = part.map((r) => r.statement.text);
      },
    });
    assert.deepEqual(first, ['Lukashenko met Xi in Beijing.']);
    assert.equal(results?.length, 51);
    assert.deepEqual(results?.map((r) => r.statement.start), [...(results ?? [])].map((r) => r.statement.start).sort((a, b) => a - b));
  });

  it('hands over a long check in parts, the visible statements first, each statement once, before it ends', () => {
    const claims = Array.from({ length: 10 }, (_, i) => `Claim ${i + 1} says the minister met ${i + 2} envoys.`);
    const draft = claims.join('\n\n');
    const visible = { start: draft.indexOf(claims[4]), end: draft.indexOf(claims[4]) + claims[4].length };
    const parts: string[][] = [];
    // No time per part: every statement after the visible one is a part of its own.
    const results = direct.checkDraft(draft, { visible, partMs: 0, onPart: (part) => parts.push(part.map((r) => r.statement.text)) });
    assert.deepEqual(parts[0], [claims[4]]);
    assert.deepEqual(parts.slice(1), [...claims.slice(0, 4), ...claims.slice(5, 9)].map((claim) => [claim]));
    // The last statement comes with the whole result, in draft order.
    assert.deepEqual(results?.map((r) => r.statement.text), claims);
  });

  it('keeps the main thread free while it checks a long draft', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    await engine.checkDraftLater(DRAFT.repeat(200), 'draft.md');
    clearInterval(timer);
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 200 || ticks >= elapsed / 10 / 4, `only ${ticks} timer ticks in ${elapsed} ms`);
  });

  it('follows file changes: a new source supports a claim on the next check', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-check-worker-'));
    try {
      fs.mkdirSync(path.join(dir, 'corpus'));
      fs.writeFileSync(path.join(dir, 'corpus', 'a.txt'), 'The harbour bridge opened in 1932 after eight years of work.\n');
      const local = new WorkerLoadedEngine(WORKERS);
      try {
        await local.loadCorpus({ base: dir, roots: ['corpus'] });
        const claim = 'The city zoo bought three giraffes from a breeder in Kenya.';
        assert.equal((await local.checkDraftLater(claim, 'd.md'))?.[0].verdict, 'unsupported-claim');
        const file = path.join(dir, 'corpus', 'b.txt');
        fs.writeFileSync(file, 'The city zoo bought three giraffes from a breeder in Kenya last spring.\n');
        await local.upsertFile(file);
        assert.equal((await local.checkDraftLater(claim, 'd.md'))?.[0].verdict, 'supported');
        local.removeFile(file);
        assert.equal((await local.checkDraftLater(claim, 'd.md'))?.[0].verdict, 'unsupported-claim');
      } finally {
        local.dispose();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
