import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourcedEngine } from '../../src/core/engine';

const REPO = path.resolve(__dirname, '..', '..', '..');

describe('SourcedEngine on the sample corpus', () => {
  let engine: SourcedEngine;
  before(async () => {
    engine = new SourcedEngine();
    await engine.loadCorpus({ base: REPO, roots: ['corpus'] });
  });

  it('indexes every document and its passages', () => {
    assert.equal(engine.documents.size, 5);
    assert.ok(engine.passageCount > 100);
  });

  it('finds the passage a paraphrase comes from', () => {
    const [hit] = engine.search('Beijing gave up its zero-COVID policy, which had drained its economy', 5);
    assert.match(hit.passage.text, /zero COVID strategy/);
  });

  it('lists quotations with their speakers, never web junk', () => {
    const quotes = engine.quotes();
    const game = quotes.find((q) => q.text.startsWith('It’s really just a diplomatic storytelling game'));
    assert.equal(game?.speaker, 'Umarov');
    assert.ok(!quotes.some((q) => /sc-cffd1e67/.test(q.text)), 'CSS residue offered as a quote');
    for (const q of quotes) assert.equal(engine.documents.get(q.docId)!.text.slice(q.start, q.end), q.text);
  });

  it('checks a draft statement by statement, in order, with offsets into the draft', () => {
    const draft = '# Draft\n\nBeijing has now abandoned its zero COVID strategy.\n\n“It’s really just a diplomatic storytelling game,” said Yun Sun.\n\nWhat comes next?\n';
    const results = engine.checkDraft(draft);
    assert.deepEqual(results.map((r) => r.verdict), ['supported', 'misattribution', 'not-a-claim']);
    assert.equal(draft.slice(results[0].statement.start, results[0].statement.end), 'Beijing has now abandoned its zero COVID strategy.');
    assert.match(results[1].message, /Umarov/);
    assert.equal(draft.slice(results[1].focus!.start, results[1].focus!.end), 'Yun Sun');
  });
});

describe('SourcedEngine incremental updates', () => {
  it('adds, re-indexes and removes one file without a rebuild', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-engine-'));
    try {
      fs.mkdirSync(path.join(dir, 'corpus'));
      fs.writeFileSync(path.join(dir, 'corpus', 'a.txt'), 'The harbour of Tallinn froze in January.\n');
      const engine = new SourcedEngine();
      await engine.loadCorpus({ base: dir, roots: ['corpus'] });
      assert.equal(engine.checkDraft('The harbour of Tallinn froze in January.')[0].verdict, 'supported');

      fs.writeFileSync(path.join(dir, 'corpus', 'b.txt'), '“The ice was thicker than ever,” said harbour master Aino Kask.\n');
      assert.equal(await engine.upsertFile(path.join(dir, 'corpus', 'b.txt')), undefined);
      assert.equal(engine.documents.size, 2);
      assert.equal(engine.quotes().find((q) => q.docId === 'corpus/b.txt')?.speaker, 'Aino Kask');

      fs.writeFileSync(path.join(dir, 'corpus', 'a.txt'), 'The harbour of Tallinn froze in February.\n');
      await engine.upsertFile(path.join(dir, 'corpus', 'a.txt'));
      assert.equal(engine.checkDraft('The harbour of Tallinn froze in January.')[0].verdict, 'number-mismatch');

      engine.removeFile(path.join(dir, 'corpus', 'a.txt'));
      assert.equal(engine.documents.size, 1);
      assert.equal(engine.search('Tallinn harbour froze').filter((h) => h.passage.docId === 'corpus/a.txt').length, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a file it cannot index instead of throwing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-engine-'));
    try {
      const engine = new SourcedEngine();
      await engine.loadCorpus({ base: dir, roots: ['.'] });
      const skipped = await engine.upsertFile(path.join(dir, 'missing.txt'));
      assert.ok(skipped && skipped.reason.length > 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
