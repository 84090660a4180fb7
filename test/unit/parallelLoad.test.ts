import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SourcedEngine } from '../../src/core/engine';
import { fromWire, toWire } from '../../src/core/worker/extractFiles';

/** Built by esbuild.js next to the extension; this test runs from out/test/unit. */
const EXTRACT_WORKER = path.resolve(__dirname, '../../../dist/extractWorker.js');
const FILES = 260;

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function article(n: number): string {
  const speaker = ['Ana Costa', 'Rui Lopes', 'Mei Tanaka'][n % 3];
  return `Report ${n}\n\nThe council of town ${n} approved a ${n * 3} million euro plan on Monday. "We will start in spring," said ${speaker}, the director.\nResidents of district ${n % 17} protested outside the hall. The mayor said the vote was close.\n`;
}

describe('cold load on two threads', function () {
  this.timeout(60000);
  let base: string;

  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-parallel-'));
    for (let n = 0; n < FILES; n++) {
      const folder = path.join(base, 'corpus', n % 5 === 0 ? 'sub' : '');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `a${n}.${n % 7 === 0 ? 'md' : 'txt'}`), article(n));
    }
    fs.writeFileSync(path.join(base, 'corpus', 'empty.txt'), '');
    fs.writeFileSync(path.join(base, 'corpus', 'data.bin'), 'x');
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  it('builds the same documents, passages, quotes, index and skipped files as one thread', async () => {
    assert.ok(fs.existsSync(EXTRACT_WORKER), 'run node esbuild.js first: dist/extractWorker.js is missing');
    const one = new SourcedEngine({ extractWorkerScript: path.join(base, 'no-such-worker.js') });
    const two = new SourcedEngine({ extractWorkerScript: EXTRACT_WORKER });
    const progress: number[] = [];
    const options = { base, roots: ['corpus'] };
    const oneReport = await one.loadFresh(options);
    const twoReport = await two.loadFresh({ ...options, onProgress: (done, total) => progress.push(done / total) });
    assert.equal(oneReport.documents, FILES);
    assert.deepEqual(twoReport, oneReport);
    assert.deepEqual(plain(two.exportState()), plain(one.exportState()));
    assert.deepEqual(two.search('council approved million euro plan', 5), one.search('council approved million euro plan', 5));
    assert.equal(progress.at(-1), 1, 'progress ends at all files');
  });

  it('hands quotes over as columns and gets the same quotes back (speakers, descriptions, unclosed quotes, transcript turns)', async () => {
    const folder = path.join(base, 'wire');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'quotes.txt'), 'Critics called the plan “a waste of money” on Monday.\n"We will start in spring," said Ana Costa, the director.\nThe minister said: “No decision was taken.”\n“It is late,” a spokesperson for the council said.\n“Never closed, he said\n');
    fs.writeFileSync(path.join(folder, 'talk.txt'), 'ANA COSTA: We start in spring.\n\nRUI LOPES: The vote was close.\n\nANA COSTA: It was.\n');
    const engine = new SourcedEngine({ extractWorkerScript: path.join(base, 'no-such-worker.js') });
    await engine.loadFresh({ base, roots: ['wire'] });
    const entries = engine.exportState().documents;
    assert.ok(entries.some((e) => e.quotes.some((q) => q.speakerKind === 'name')) && entries.some((e) => e.quotes.some((q) => q.speaker === undefined)), 'quotes with and without a speaker');
    for (const entry of entries) {
      const wire = toWire(entry);
      assert.ok(wire.quoteColumns && !wire.quotes, `${entry.doc.id}: quotes sent as columns`);
      assert.deepStrictEqual(fromWire(structuredClone(wire)), entry);
    }
  });

  it('stops when the load is aborted', async () => {
    const controller = new AbortController();
    const engine = new SourcedEngine({ extractWorkerScript: EXTRACT_WORKER });
    const load = engine.loadFresh({ base, roots: ['corpus'], signal: controller.signal, onProgress: (done) => done > 64 && controller.abort(new Error('cancelled')) });
    await assert.rejects(load, /cancelled/);
  });
});
