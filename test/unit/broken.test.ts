// Broken files in a corpus, loaded through the engine in temp folders: indexing goes on, each
// skipped file is listed once with a reason, nothing hangs, and memory stays bounded.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { MAX_SOURCE_FILE_BYTES } from '../../src/core/corpus/loadCorpus';
import { SourcedEngine } from '../../src/core/engine';
import type { LoadReport } from '../../src/core/engineApi';

const SENTENCE = 'The council approved the new budget on Monday after a long debate. ';

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (endian === 'le') return le;
  const be = Buffer.from(le);
  for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
  return be;
}

/** Every skipped path appears once, and every file is either indexed or skipped. */
function assertEachListedOnce(report: LoadReport, engine: SourcedEngine, files: string[]): void {
  const skipped = report.skipped.map((s) => s.path);
  assert.equal(new Set(skipped).size, skipped.length, `listed twice: ${skipped.join(', ')}`);
  const indexed = new Set([...engine.documents.values()].map((d) => d.path));
  for (const file of files) {
    const count = (indexed.has(file) ? 1 : 0) + skipped.filter((s) => s === file).length;
    assert.equal(count, 1, `${path.basename(file)}: indexed or skipped exactly once`);
  }
  for (const s of report.skipped) assert.ok(s.reason.length > 10, `${s.path} has a reason`);
}

describe('broken files', () => {
  let dir: string;
  let corpus: string;
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(corpus, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  const load = async () => {
    const engine = new SourcedEngine();
    const report = await engine.loadCorpus({ base: dir, roots: ['corpus'] });
    return { engine, report, reason: (name: string) => report.skipped.find((s) => s.path === path.join(corpus, name))?.reason };
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-broken-'));
    corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes the good files and lists each broken one once with its reason', async function () {
    this.timeout(20_000); // loads the PDF and DOCX readers
    const files = [
      write('good.txt', SENTENCE),
      write('binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0])),
      write('latin1.md', Buffer.from('Caf\xe9 cr\xe8me costs more this year.', 'latin1')),
      write('utf16le.txt', utf16('Zürich said “yes” to the tram.', 'le')),
      write('utf16be.md', utf16('Zürich said “yes” to the tram.', 'be')),
      write('utf16-no-bom.txt', Buffer.from('No mark here at all.', 'utf16le')),
      write('utf16-odd.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x41, 0x00, 0x00, 0xd8, 0x41])])),
      write('empty.txt', ''),
      write('blank.md', '\n \t\n'),
      write('only-markup.md', '<div></div>\n\n---\n'),
      write('fake.pdf', 'this is not a PDF'),
      write('fake.docx', Buffer.from([0x50, 0x4b, 3, 4, 0, 0])),
      write('page.html', Buffer.from([0, 1, 2, 3])),
      write('picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    ];
    fs.symlinkSync(path.join(corpus, 'nowhere.txt'), path.join(corpus, 'dangling.txt'));
    fs.symlinkSync(path.join(corpus, 'loop-b.txt'), path.join(corpus, 'loop-a.txt'));
    fs.symlinkSync(path.join(corpus, 'loop-a.txt'), path.join(corpus, 'loop-b.txt'));
    fs.mkdirSync(path.join(corpus, 'sub'));
    fs.symlinkSync(corpus, path.join(corpus, 'sub', 'up')); // folder loop
    files.push(...['dangling.txt', 'loop-a.txt', 'loop-b.txt'].map((f) => path.join(corpus, f)));
    const { engine, report, reason } = await load();

    assert.deepEqual([...engine.documents.keys()].sort(), ['corpus/good.txt', 'corpus/utf16be.md', 'corpus/utf16le.txt']);
    assert.equal(engine.documents.get('corpus/utf16le.txt')!.text, 'Zürich said “yes” to the tram.');
    assertEachListedOnce(report, engine, files);
    assert.match(reason('binary.txt')!, /binary/);
    assert.match(reason('utf16-no-bom.txt')!, /binary/);
    assert.match(reason('latin1.md')!, /UTF-8/);
    assert.match(reason('utf16-odd.txt')!, /UTF-16LE/);
    assert.match(reason('empty.txt')!, /empty/);
    assert.match(reason('blank.md')!, /no text/);
    assert.match(reason('only-markup.md')!, /no text/);
    assert.match(reason('picture.png')!, /unsupported file type/);
    assert.match(reason('dangling.txt')!, /broken link/);
    assert.match(reason('loop-a.txt')!, /link loop/);
    for (const name of ['fake.pdf', 'fake.docx', 'page.html']) assert.ok(reason(name), `${name} is listed`);
  });

  it(`skips a real 50 MB text file by its size (limit ${MAX_SOURCE_FILE_BYTES / 1024 / 1024} MB per file) without reading it into memory`, async function () {
    this.timeout(60_000);
    const big = path.join(corpus, 'dump.txt');
    const chunk = Buffer.from(SENTENCE.repeat(Math.ceil((1024 * 1024) / SENTENCE.length)).slice(0, 1024 * 1024));
    const handle = fs.openSync(big, 'w');
    for (let i = 0; i < 50; i++) fs.writeSync(handle, chunk);
    fs.closeSync(handle);
    write('good.txt', SENTENCE);
    global.gc?.();
    const before = process.memoryUsage();
    const { engine, report, reason } = await load();
    const after = process.memoryUsage();
    const grewMb = (after.heapUsed + after.external + after.arrayBuffers - before.heapUsed - before.external - before.arrayBuffers) / 1e6;
    console.log(`      (50 MB file: heap + buffers grew ${grewMb.toFixed(1)} MB while loading)`);
    assert.equal(engine.documents.size, 1);
    assert.match(reason('dump.txt')!, /too large \(50 MB; the limit is 10 MB per file\): split it/);
    assert.equal(report.skipped.length, 1);
    assert.ok(grewMb < 40, `loading grew memory by ${grewMb.toFixed(1)} MB: the big file was read`);
  });

  it('indexes 5,000 tiny files, every one of them', async function () {
    this.timeout(120_000);
    for (let i = 0; i < 5_000; i++) write(`d${i % 50}/n${i}.txt`, `Note ${i} says the ferry left at ${i % 24} o'clock.`);
    const started = Date.now();
    const { engine, report } = await load();
    console.log(`      (5,000 tiny files indexed in ${Date.now() - started} ms; 100,000: npm run build then node out/scripts/hostile/manyFiles.js)`);
    assert.equal(report.documents, 5_000);
    assert.deepEqual(report.skipped, []);
    assert.equal(engine.search('Note 4321 ferry', 1)[0].passage.docId, 'corpus/d21/n4321.txt');
  });

  it('goes on when files are deleted or rewritten while it indexes, and never mixes two versions', async function () {
    this.timeout(60_000);
    const files = Array.from({ length: 300 }, (_, i) => write(`f${String(i).padStart(3, '0')}.txt`, `Version one of file ${i}. ${SENTENCE}`));
    const engine = new SourcedEngine();
    let changed = false;
    const report = await engine.loadCorpus({
      base: dir,
      roots: ['corpus'],
      onProgress: (done) => {
        if (done !== 20 || changed) return;
        changed = true; // Other programs change the corpus under the loader's feet.
        for (let i = 200; i < 300; i += 2) fs.rmSync(files[i]);
        for (let i = 201; i < 300; i += 2) fs.writeFileSync(files[i], `Version two of file ${i}, rewritten. ${SENTENCE}${SENTENCE}`);
        fs.writeFileSync(files[299], Buffer.from([0, 1, 2]));
      },
    });
    assert.ok(changed);
    assertEachListedOnce(report, engine, files);
    for (const doc of engine.documents.values()) {
      assert.match(doc.text, /^Version (one|two) of file \d+/);
      // The text indexed is the bytes hashed: one version, never half of each.
      const expected = createHash('sha256').update(Buffer.from(doc.text, 'utf8')).digest('hex');
      assert.equal(doc.contentHash, expected, doc.id);
    }
    const gone = report.skipped.filter((s) => /disappeared/.test(s.reason));
    assert.ok(gone.length >= 40, `${gone.length} deleted files reported`);
    assert.match(report.skipped.find((s) => s.path === files[299])!.reason, /binary/);
  });

  it('lists an unreadable file and an unlistable folder (permission denied, simulated: tests run as root)', async () => {
    write('secret.txt', SENTENCE);
    write('locked/inner.txt', SENTENCE);
    write('open.txt', SENTENCE);
    const denied = (target: string) => Object.assign(new Error(`EACCES: permission denied, open '${target}'`), { code: 'EACCES' });
    const { readFile, readdir } = fs.promises;
    fs.promises.readFile = (async (target: fs.PathLike, ...rest: unknown[]) => {
      if (String(target).endsWith('secret.txt')) throw denied(String(target));
      return (readFile as (...args: unknown[]) => Promise<Buffer>)(target, ...rest);
    }) as typeof fs.promises.readFile;
    fs.promises.readdir = (async (target: fs.PathLike, ...rest: unknown[]) => {
      if (String(target).endsWith('locked')) throw denied(String(target));
      return (readdir as (...args: unknown[]) => Promise<unknown>)(target, ...rest);
    }) as typeof fs.promises.readdir;
    try {
      const { engine, report, reason } = await load();
      assert.deepEqual([...engine.documents.keys()], ['corpus/open.txt']);
      assert.match(reason('secret.txt')!, /permission denied: make the file readable/);
      assert.match(reason('locked')!, /folder not readable \(permission denied\)/);
      assert.equal(report.skipped.length, 2);
    } finally {
      fs.promises.readFile = readFile;
      fs.promises.readdir = readdir;
    }
  });

  it('never waits on a named pipe or a device posing as a source', async function () {
    this.timeout(20_000);
    write('good.txt', SENTENCE);
    execFileSync('mkfifo', [path.join(corpus, 'pipe.txt')]);
    fs.symlinkSync('/dev/zero', path.join(corpus, 'zero.txt'));
    const { engine, report, reason } = await load();
    assert.deepEqual([...engine.documents.keys()], ['corpus/good.txt']);
    assert.equal(report.skipped.length, 2);
    assert.match(reason('pipe.txt')!, /not a regular file/);
    assert.match(reason('zero.txt')!, /outside the corpus folder: not followed/);
  });

  it('keeps an indexed source, or drops it with a reason, when it breaks after indexing', async () => {
    const file = write('story.txt', SENTENCE);
    const { engine } = await load();
    assert.equal(engine.documents.size, 1);
    fs.writeFileSync(file, Buffer.from([0xc3, 0x28, 0x00]));
    assert.match((await engine.upsertFile(file))!.reason, /binary/);
    assert.equal(engine.documents.size, 0, 'the broken version is not searched');
    fs.writeFileSync(file, SENTENCE);
    assert.equal(await engine.upsertFile(file), undefined);
    fs.rmSync(file);
    assert.match((await engine.upsertFile(file))!.reason, /disappeared/);
    assert.equal(engine.documents.size, 0);
  });
});
