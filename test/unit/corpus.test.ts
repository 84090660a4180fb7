import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus, loadFile, MAX_SOURCE_FILE_BYTES } from '../../src/core/corpus/loadCorpus';
import type { SkippedFile, SourceDocument } from '../../src/core/types';

const repo = path.resolve(__dirname, '../../..');

function isSkipped(result: SourceDocument | SkippedFile): result is SkippedFile {
  return 'reason' in result;
}

describe('loadCorpus on the sample corpus', () => {
  let documents: SourceDocument[];
  before(async () => {
    const result = await loadCorpus({ base: repo, roots: ['corpus'] });
    documents = result.documents;
    assert.deepEqual(result.skipped, []);
  });

  it('gives ids relative to the base with forward slashes, and content hashes of the bytes', () => {
    assert.deepEqual(documents.map((d) => d.id), [
      'corpus/000_75a6b70249c89a2f.txt',
      'corpus/001_e6aab45a15cdc6b4.txt',
      'corpus/002_37927742f971977c.txt',
      'corpus/003_6147f8965dcc949e.txt',
      'corpus/004_05a684ad6713b8ee.txt',
    ]);
    for (const doc of documents) {
      assert.equal(doc.path, path.join(repo, doc.id));
      assert.equal(doc.format, 'text');
      assert.equal(doc.contentHash, createHash('sha256').update(fs.readFileSync(doc.path)).digest('hex'));
    }
  });

  it('reads each article\'s metadata', () => {
    const meta = Object.fromEntries(documents.map((d) => [d.id.slice(7, 10), d.metadata]));
    assert.deepEqual(meta['000'], { outlet: 'I News', author: 'Michael Melvin' });
    assert.deepEqual(meta['001'], { outlet: 'Blick', author: 'Amelia James' });
    assert.deepEqual(meta['002'], { title: 'China’s Track-II diplomacy: A win-win game theory', author: 'Dr Mehmood Ul Hassan Khan', date: '6 May, 09:59' });
    assert.deepEqual(meta['003'], { outlet: 'CNN', title: 'China is not abandoning the West, but is betting on Russia', author: 'Simone McCarthy' });
    assert.deepEqual(meta['004'], { title: 'Can China help bring Russia to the negotiating table?', author: 'Florence L. Silvia' });
  });

  it('accepts a glob pattern and an absolute folder as roots', async () => {
    const globbed = await loadCorpus({ base: repo, roots: ['corpus/00[0-2]_*.txt'] });
    assert.deepEqual(globbed.documents.map((d) => d.id.slice(7, 10)), ['000', '001', '002']);
    const absolute = await loadCorpus({ base: repo, roots: [path.join(repo, 'corpus'), 'corpus/**/*.txt'] });
    assert.equal(absolute.documents.length, 5, 'overlapping roots load each file once');
  });

  it('reports progress and honours cancellation', async () => {
    const calls: [number, number][] = [];
    await loadCorpus({ base: repo, roots: ['corpus'], onProgress: (done, total) => calls.push([done, total]) });
    assert.deepEqual(calls.at(-1), [5, 5]);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(loadCorpus({ base: repo, roots: ['corpus'], signal: controller.signal }));
  });
});

describe('loading bad input', () => {
  let dir: string;
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  const reasonFor = async (file: string) => {
    const result = await loadFile(file, dir);
    assert.ok(isSkipped(result), `${file} should be skipped`);
    return result.reason;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-corpus-'));
  });
  afterEach(() => {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('skips binary files', async () => {
    assert.match(await reasonFor(write('a.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))), /binary/u);
  });

  it('skips invalid UTF-8 and says how to fix it', async () => {
    assert.match(await reasonFor(write('latin1.txt', Buffer.from('Caf\xe9 au lait.', 'latin1'))), /UTF-8.*re-save/u);
  });

  it('decodes UTF-16 with a byte order mark, LE and BE', async () => {
    const text = 'Zürich said “yes”. Second sentence.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    for (const [name, bytes] of [['le.txt', le], ['be.txt', be]] as const) {
      const doc = await loadFile(write(name, bytes), dir);
      assert.ok(!isSkipped(doc), name);
      assert.equal(doc.text, text);
      assert.equal(doc.id, name);
    }
  });

  it('drops a UTF-8 byte order mark like an editor does', async () => {
    const doc = await loadFile(write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hello there.')])), dir);
    assert.ok(!isSkipped(doc));
    assert.equal(doc.text, 'Hello there.');
  });

  it('skips empty and whitespace-only files', async () => {
    assert.match(await reasonFor(write('empty.txt', '')), /empty/u);
    assert.match(await reasonFor(write('blank.md', ' \n\n\t\n')), /no text/u);
  });

  it('skips a file over the size limit without reading it whole', async () => {
    const file = path.join(dir, 'huge.txt');
    const handle = fs.openSync(file, 'w');
    fs.writeSync(handle, 'Start.', MAX_SOURCE_FILE_BYTES + 10); // sparse: no 10 MB written
    fs.closeSync(handle);
    assert.match(await reasonFor(file), /too large.*limit is 10 MB/u);
  });

  it('skips unsupported extensions and names what is supported', async () => {
    assert.match(await reasonFor(write('photo.png', 'x')), /unsupported file type "\.png".*\.txt/u);
  });

  it('reports a file that vanished', async () => {
    assert.match(await reasonFor(path.join(dir, 'gone.txt')), /disappeared/u);
  });

  it('reports an unreadable file (unless running as root, which reads anything)', async function () {
    if (process.getuid?.() === 0) this.skip();
    const file = write('secret.txt', 'Secret text.');
    fs.chmodSync(file, 0o000);
    assert.match(await reasonFor(file), /permission denied/u);
  });

  it('explains a missing corpus folder instead of throwing', async () => {
    const result = await loadCorpus({ base: dir, roots: ['nope'] });
    assert.equal(result.documents.length, 0);
    assert.equal(result.skipped.length, 1);
    assert.match(result.skipped[0].reason, /corpus folder not found/u);
  });

  it('explains an empty corpus folder', async () => {
    fs.mkdirSync(path.join(dir, 'corpus'));
    const result = await loadCorpus({ base: dir, roots: ['corpus'] });
    assert.equal(result.documents.length, 0);
    assert.match(result.skipped[0].reason, /no source files/u);
  });

  it('survives symlink loops and skips dot-folders and node_modules', async () => {
    write('corpus/a.txt', 'Alpha story.');
    write('corpus/sub/b.md', 'Beta story.');
    write('corpus/.git/c.txt', 'Hidden.');
    write('corpus/node_modules/d.txt', 'Dependency.');
    fs.symlinkSync(path.join(dir, 'corpus'), path.join(dir, 'corpus/sub/loop'));
    fs.symlinkSync(path.join(dir, 'corpus/sub/loop2'), path.join(dir, 'corpus/sub/loop1'));
    fs.symlinkSync(path.join(dir, 'corpus/sub/loop1'), path.join(dir, 'corpus/sub/loop2'));
    const result = await loadCorpus({ base: dir, roots: ['corpus'] });
    assert.deepEqual(result.documents.map((d) => d.id), ['corpus/a.txt', 'corpus/sub/b.md']);
    assert.deepEqual(result.documents.map((d) => d.format), ['text', 'markdown']);
    assert.deepEqual(result.skipped.map((s) => path.basename(s.path)).sort(), ['loop1', 'loop2']);
    for (const skipped of result.skipped) assert.match(skipped.reason, /link loop/u);
  });

  it('lists each bad file once and still loads the good ones', async () => {
    write('corpus/good.txt', 'A good source sentence.');
    write('corpus/bin.txt', Buffer.from([1, 0, 2]));
    write('corpus/empty.md', '');
    write('corpus/notes.pdfx', 'x');
    const result = await loadCorpus({ base: dir, roots: ['corpus'] });
    assert.deepEqual(result.documents.map((d) => d.id), ['corpus/good.txt']);
    assert.deepEqual(result.skipped.map((s) => path.basename(s.path)), ['bin.txt', 'empty.md', 'notes.pdfx']);
  });

  it('never writes to the corpus', async () => {
    write('corpus/a.txt', 'I am Jane Doe, a journalist.\nAlpha story.\n');
    const before = fs.readFileSync(path.join(dir, 'corpus/a.txt'), 'utf8');
    const mtime = fs.statSync(path.join(dir, 'corpus/a.txt')).mtimeMs;
    await loadCorpus({ base: dir, roots: ['corpus'] });
    assert.equal(fs.readFileSync(path.join(dir, 'corpus/a.txt'), 'utf8'), before);
    assert.equal(fs.statSync(path.join(dir, 'corpus/a.txt')).mtimeMs, mtime);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'corpus')), ['a.txt']);
  });
});
