import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SourcedEngine } from '../../src/core/engine';
import { decodeEngineState, encodeEngineState } from '../../src/core/cache/engineState';
import { decodePack, encodePack } from '../../src/core/cache/pack';

const SOURCES: Record<string, string> = {
  'a.txt': 'Harbour report\n\nThe harbour authority approved a 40 million euro dredging plan on Monday. "We will start in spring," said Ana Costa, the port director.\n',
  'b.txt': 'Council notes\n\nThe city council voted 7 to 2 to close the old library. Residents protested outside the town hall.\n',
  'c.md': '# Weather\n\nHeavy rain flooded three villages in the valley overnight.\n',
};

/** As data: a property set to undefined and a missing one are the same after a trip through bytes. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('engine cache', function () {
  this.timeout(20000);
  let base: string;
  let cacheDir: string;
  const load = async (onCacheMiss?: (reason: string) => void) => {
    const engine = new SourcedEngine({ cacheDir, onCacheMiss });
    const report = await engine.loadCorpus({ base, roots: ['corpus'] });
    await engine.cacheSaved();
    return { engine, report };
  };
  const draft = 'The harbour authority approved a 40 million euro dredging plan.\n\nThe council voted 7 to 2 to close the library.\n\nRain flooded three villages.\n';

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-cache-engine-'));
    cacheDir = path.join(base, 'cache');
    fs.mkdirSync(path.join(base, 'corpus'));
    for (const [name, text] of Object.entries(SOURCES)) fs.writeFileSync(path.join(base, 'corpus', name), text);
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('answers the same from the cache as from the files, after a restart', async () => {
    const cold = await load();
    assert.ok(fs.readdirSync(cacheDir).some((f) => f.endsWith('.cache')), 'the first load writes a cache file');
    const warm = await load();
    assert.deepEqual(warm.report, cold.report);
    assert.deepEqual(warm.engine.checkDraft(draft), cold.engine.checkDraft(draft));
    assert.deepEqual(warm.engine.search('library council vote'), cold.engine.search('library council vote'));
    assert.deepEqual(warm.engine.quotes(), cold.engine.quotes());
    assert.deepEqual([...warm.engine.documents.values()], [...cold.engine.documents.values()]);
  });

  it('re-reads a changed file, drops a deleted one and adds a new one on a warm start', async () => {
    await load();
    fs.writeFileSync(path.join(base, 'corpus', 'b.txt'), 'Council notes\n\nThe city council voted 5 to 4 to keep the old library open.\n');
    fs.rmSync(path.join(base, 'corpus', 'c.md'));
    fs.writeFileSync(path.join(base, 'corpus', 'd.txt'), 'Sports\n\nThe home team won the regional cup final on penalties.\n');
    const { engine, report } = await load();
    assert.deepEqual([...engine.documents.keys()].sort(), ['corpus/a.txt', 'corpus/b.txt', 'corpus/d.txt']);
    assert.equal(report.documents, 3);
    assert.match(engine.search('council library')[0].passage.text, /5 to 4/);
    assert.equal(engine.search('rain flooded villages').length, 0);
    assert.match(engine.search('cup final penalties')[0].passage.text, /penalties/);
    const fresh = new SourcedEngine();
    await fresh.loadCorpus({ base, roots: ['corpus'] });
    assert.deepEqual(engine.checkDraft(draft).map((r) => r.verdict), fresh.checkDraft(draft).map((r) => r.verdict));
  });

  it('rebuilds from the files when the cache file is corrupt, and repairs it', async () => {
    const cold = await load();
    const [file] = fs.readdirSync(cacheDir).map((f) => path.join(cacheDir, f));
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 100] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const misses: string[] = [];
    const { engine, report } = await load((reason) => misses.push(reason));
    assert.deepEqual(report, { ...cold.report, cacheRebuilt: 'the index cache was damaged (checksum mismatch): rebuilt from the sources' });
    assert.deepEqual(engine.checkDraft(draft), cold.engine.checkDraft(draft));
    assert.notDeepEqual(fs.readFileSync(file), bytes, 'the corrupt file was replaced');
    assert.equal(misses.length, 1);
    assert.match(misses[0], /checksum/);
    await load((reason) => misses.push(reason));
    assert.equal(misses.length, 1, 'the repaired cache is used');
  });

  it('round-trips engine state through bytes, including removed passages', async () => {
    const { engine } = await load();
    engine.removeFile(path.join(base, 'corpus', 'b.txt'));
    const restored = new SourcedEngine();
    restored.restoreSnapshot(engine.snapshot());
    assert.deepEqual(restored.checkDraft(draft), engine.checkDraft(draft));
    assert.equal(restored.passageCount, engine.passageCount);
    const state = decodeEngineState(encodeEngineState(engine.exportState()));
    assert.deepEqual(plain(state.documents), plain(engine.exportState().documents));
  });

  it('packs typed arrays and JSON, and rejects a truncated pack', () => {
    const arrays = { a: Int32Array.from([1, -2, 3]), b: Uint8Array.from([9]), c: Float64Array.from([0.5]) };
    const bytes = encodePack({ json: { hello: 'world' }, arrays });
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    for (const input of [bytes, shifted.subarray(1)]) {
      const pack = decodePack(input);
      assert.deepEqual(pack.json, { hello: 'world' });
      assert.deepEqual(pack.arrays, arrays);
    }
    assert.throws(() => decodePack(bytes.subarray(0, bytes.length - 9)), /out of range/);
  });
});
