// Every source has a budget (issue 13): text and unpacked size checked while unpacking, a page
// limit, and time and memory per file enforced in the extraction helper, which is terminated on
// an overrun; the file is skipped with its reason and indexing goes on.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { attacks, pdfFile, textOperators } from '../../scripts/hostile/attacks';
import { SourcedEngine } from '../../src/core/engine';
import { MAX_PDF_PAGES } from '../../src/core/formats/budgets';

const MB = 1024 * 1024;
const EXTRACT_WORKER = path.resolve(__dirname, '../../../dist/extractWorker.js');
const STORY = 'The harbour council approved forty new permits on Tuesday after a long debate.';
const make = (name: string, size: number) => attacks.find((a) => a.name === name)!.make(size);

// A stand-in helper that answers like the real one, except that it never finishes "stall" files
// and fills its heap on "hog" files.
const FAKE_HELPER = `
const { parentPort, threadId } = require('worker_threads');
parentPort.on('message', ({ chunk, files }) => {
  for (const file of files) {
    if (file.includes('stall')) for (;;) {}
    if (file.includes('hog')) { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(hoard.length)); }
    parentPort.postMessage({ chunk, skipped: { path: file, reason: 'read by the stand-in on thread ' + threadId } });
  }
});`;

describe('source budgets', function () {
  this.timeout(120_000);
  let dir: string;
  let corpus: string;
  const load = async (options: ConstructorParameters<typeof SourcedEngine>[0] = {}) => {
    const engine = new SourcedEngine({ extractWorkerScript: EXTRACT_WORKER, ...options });
    const report = await engine.loadCorpus({ base: dir, roots: ['corpus'] });
    return { engine, report, reason: (name: string) => report.skipped.find((s) => path.basename(s.path) === name)?.reason };
  };
  const write = (name: string, bytes: Buffer | string) => fs.writeFileSync(path.join(corpus, name), bytes);

  beforeEach(() => {
    assert.ok(fs.existsSync(EXTRACT_WORKER), 'build first: node esbuild.js');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-budgets-'));
    corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    write('story.txt', STORY);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('terminates a helper stuck on one file, skips that file with the reason and reads every other', async () => {
    const helper = path.join(dir, 'helper.js');
    fs.writeFileSync(helper, FAKE_HELPER);
    for (const name of ['a.txt', 'm-stall.txt', 'n-hog.txt', 'z.txt']) write(name, STORY);
    const { reason, report } = await load({ extractWorkerScript: helper, extractBudget: { fileMs: 5_000, heapMb: 32 } });
    const all = JSON.stringify(report.skipped);
    assert.match(reason('m-stall.txt') ?? '', /^took longer than 5 s to read \(Sourced stopped reading it so indexing could go on\)/, all);
    assert.match(reason('n-hog.txt') ?? '', /^needed more than 32 MB of memory to read/, all);
    for (const name of ['a.txt', 'story.txt', 'z.txt']) assert.match(reason(name) ?? '', /^read by the stand-in on thread \d+$/, name);
  });

  it('re-reads changed files in the helper it kept, and replaces a helper stuck on a changed file', async () => {
    const helper = path.join(dir, 'helper.js');
    fs.writeFileSync(helper, FAKE_HELPER);
    const { engine } = await load({ extractWorkerScript: helper, extractBudget: { fileMs: 1_000, heapMb: 32 } });
    const reread = async (name: string) => (await engine.upsertFile(path.join(corpus, name)))?.reason ?? '';
    try {
      write('a.txt', STORY);
      const first = await reread('a.txt');
      assert.match(first, /^read by the stand-in on thread \d+$/);
      assert.equal(await reread('a.txt'), first, 'the second change is read by the same helper');
      write('m-stall.txt', STORY);
      assert.match(await reread('m-stall.txt'), /^took longer than 1 s to read/);
      const after = await reread('a.txt');
      assert.match(after, /^read by the stand-in on thread \d+$/);
      assert.notEqual(after, first, 'the stuck helper was terminated, not kept');
    } finally {
      engine.dispose();
    }
  });

  it('stops unzipping a Word document past its unpacked limit (a zip bomb), and reads an ordinary one', async () => {
    write('bomb.docx', make('docx-bomb', 30 * MB));
    write('small.docx', make('docx-bomb', 100 * 1024));
    const { engine, reason } = await load();
    assert.match(reason('bomb.docx') ?? '', /^this Word document unpacks to more than 20 MB/);
    assert.deepEqual([...engine.documents.keys()].sort(), ['corpus/small.docx', 'corpus/story.txt']);
  });

  it('stops a PDF whose compressed stream unpacks past its limit, and one with too many pages', async () => {
    write('stream.pdf', make('pdf-stream', 12 * MB));
    write('pages.pdf', make('pdf-pages', (MAX_PDF_PAGES + 1) * 200));
    const { engine, reason } = await load();
    assert.match(reason('stream.pdf') ?? '', /^this PDF unpacks to more than 10 MB/);
    assert.match(reason('pages.pdf') ?? '', new RegExp(`^${MAX_PDF_PAGES + 1} pages \\(the limit is ${MAX_PDF_PAGES}\\)`));
    assert.deepEqual([...engine.documents.keys()], ['corpus/story.txt']);
  });

  it('keeps the text of a short PDF whose lines repeat in shape on every page (never all furniture)', async () => {
    const page = (n: number) => ({ stream: Buffer.from(textOperators([`Quarter ${n} revenue rose ${n + 4} percent`, `Quarter ${n} costs fell ${n + 1} percent`]), 'latin1') });
    write('report.pdf', pdfFile([page(1), page(2)]));
    const { engine, reason } = await load();
    assert.equal(reason('report.pdf'), undefined);
    const text = engine.documents.get('corpus/report.pdf')!.text;
    assert.match(text, /Quarter 1 revenue rose 5 percent/);
    assert.match(text, /Quarter 2 costs fell 3 percent/);
  });
});
