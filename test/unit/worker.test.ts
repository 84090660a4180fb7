import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SourcedEngine } from '../../src/core/engine';
import { indexInWorker, loadCorpusInWorker } from '../../src/core/worker/indexInWorker';
import { WorkerLoadedEngine } from '../../src/core/worker/workerLoadedEngine';

// Built by `node esbuild.js` next to the extension bundle.
const WORKER_SCRIPT = path.resolve(__dirname, '../../../dist/indexWorker.js');
const ROOT = path.resolve(__dirname, '../../..');

/** As data: a property set to undefined and a missing one are the same after a trip through bytes. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('indexing worker', function () {
  this.timeout(30000);
  let cacheDir: string;
  beforeEach(() => (cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-worker-test-'))));
  afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  it('loads the corpus off the main thread, reports progress, and hands over an engine that answers like a direct load', async () => {
    const progress: Array<[number, number]> = [];
    const engine = new SourcedEngine();
    const report = await loadCorpusInWorker(engine, { base: ROOT, roots: ['corpus'], cacheDir, workerScript: WORKER_SCRIPT, onProgress: (done, total) => progress.push([done, total]) });
    const direct = new SourcedEngine();
    const directReport = await direct.loadCorpus({ base: ROOT, roots: ['corpus'] });
    assert.deepEqual(report, directReport);
    assert.ok(progress.length > 0 && progress[progress.length - 1][0] === progress[progress.length - 1][1], 'progress ends at total');
    const draft = 'Lukashenko met Xi in Beijing.\n\nThe meeting was about Ukraine.\n';
    assert.deepEqual(engine.checkDraft(draft), direct.checkDraft(draft));
    assert.deepEqual(plain(engine.quotes()), plain(direct.quotes()));
    for (let waited = 0; !fs.readdirSync(cacheDir).some((f) => f.endsWith('.cache')) && waited < 10000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.ok(fs.readdirSync(cacheDir).some((f) => f.endsWith('.cache')), 'the worker wrote the cache after handing over');
  });

  it('keeps the main thread free while it indexes', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    await indexInWorker({ base: ROOT, roots: ['corpus'], workerScript: WORKER_SCRIPT });
    clearInterval(timer);
    const elapsed = Date.now() - started;
    assert.ok(ticks >= Math.floor(elapsed / 5 / 4), `the event loop ran ${ticks} timer ticks in ${elapsed} ms`);
  });

  it('stops at once when cancelled, rejecting with the abort reason', async () => {
    const controller = new AbortController();
    const pending = indexInWorker({ base: ROOT, roots: ['corpus'], workerScript: WORKER_SCRIPT, signal: controller.signal });
    controller.abort(new Error('user cancelled'));
    await assert.rejects(pending, /user cancelled/);
    const already = indexInWorker({ base: ROOT, roots: ['corpus'], workerScript: WORKER_SCRIPT, signal: controller.signal });
    await assert.rejects(already, /user cancelled/);
  });

  it('says what went wrong when the worker cannot start', async () => {
    await assert.rejects(indexInWorker({ base: ROOT, roots: ['corpus'], workerScript: path.join(cacheDir, 'missing.js') }), /indexing worker crashed|Cannot find module/);
  });

  it('gives the extension an engine whose loadCorpus runs in the worker and then answers directly', async () => {
    const engine = new WorkerLoadedEngine({ cacheDir, workerScript: WORKER_SCRIPT });
    const report = await engine.loadCorpus({ base: ROOT, roots: ['corpus'] });
    assert.equal(report.documents, engine.documents.size);
    assert.ok(engine.search('Lukashenko Xi Beijing').length > 0);
    assert.ok(fs.existsSync(path.resolve(ROOT, 'dist/indexWorker.js')), 'the worker is bundled beside dist/extension.js, where the extension looks for it');
  });
});
