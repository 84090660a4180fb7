import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CorpusCache, type CorpusCacheOptions } from '../../src/core/cache/corpusCache';
import { decodeCacheFile, encodeCacheFile, type CacheMiss } from '../../src/core/cache/cacheFile';
import { DocumentStore } from '../../src/core/cache/documentStore';
import { optionsHash } from '../../src/core/cache/optionsHash';

describe('cache', () => {
  let dir: string;
  let misses: Array<[string, CacheMiss, string]>;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-cache-test-'));
    misses = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function openCache(overrides: Partial<CorpusCacheOptions> = {}): CorpusCache {
    return new CorpusCache({
      dir, corpusKey: '/work/news:corpus', formatVersion: 3, options: { stemmer: 'porter', passageSentences: 3 },
      onMiss: (entry, miss, detail) => misses.push([entry, miss, detail]), ...overrides,
    });
  }

  it('gives back what was saved, across instances (a restart)', async () => {
    await openCache().saveJson('index', { terms: ['ballot', 'jury'], n: 2 });
    assert.deepEqual(await openCache().loadJson('index'), { terms: ['ballot', 'jury'], n: 2 });
    assert.deepEqual(misses, []);
  });

  it('reports a missing entry as a miss, not an error', async () => {
    assert.equal(await openCache().loadBytes('index'), undefined);
    assert.equal(misses[0][1], 'missing');
  });

  it('detects a truncated file and never returns its payload', async () => {
    const cache = openCache();
    await cache.saveBytes('index', Buffer.alloc(10_000, 65));
    const file = cache.fileFor('index');
    fs.truncateSync(file, fs.statSync(file).size - 1);
    assert.equal(await cache.loadBytes('index'), undefined);
    assert.equal(misses[0][1], 'corrupt');
    assert.match(misses[0][2], /truncated/);
  });

  it('detects a flipped byte in the payload by its checksum', async () => {
    const cache = openCache();
    await cache.saveBytes('index', Buffer.from('{"a":1}'));
    const bytes = fs.readFileSync(cache.fileFor('index'));
    bytes[bytes.length - 2] ^= 0x01;
    fs.writeFileSync(cache.fileFor('index'), bytes);
    assert.equal(await cache.loadBytes('index'), undefined);
    assert.deepEqual(misses.map((m) => m[1]), ['corrupt']);
    assert.match(misses[0][2], /checksum/);
  });

  it('treats garbage and a damaged header as corrupt', async () => {
    const cache = openCache();
    fs.writeFileSync(cache.fileFor('a'), 'hello, not a cache');
    const valid = encodeCacheFile({ kind: 'b', formatVersion: 3, optionsHash: 'x' }, Buffer.from('data'));
    valid[14] = 0x7b; // breaks the JSON header
    fs.writeFileSync(cache.fileFor('b'), valid);
    assert.equal(await cache.loadBytes('a'), undefined);
    assert.equal(await cache.loadBytes('b'), undefined);
    assert.deepEqual(misses.map((m) => m[1]), ['corrupt', 'corrupt']);
  });

  it('rejects a file written by another format version or with other options', async () => {
    await openCache().saveJson('index', [1]);
    assert.equal(await openCache({ formatVersion: 4 }).loadJson('index'), undefined);
    assert.equal(await openCache({ options: { stemmer: 'none', passageSentences: 3 } }).loadJson('index'), undefined);
    assert.deepEqual(misses.map((m) => m[1]), ['other-version', 'other-options']);
    assert.deepEqual(await openCache().loadJson('index'), [1]);
  });

  it('does not read one entry as another even if files are swapped', async () => {
    const cache = openCache();
    await cache.saveJson('documents', ['docs']);
    fs.copyFileSync(cache.fileFor('documents'), cache.fileFor('index'));
    assert.equal(await cache.loadJson('index'), undefined);
    assert.equal(misses[0][1], 'other-version');
  });

  it('keeps the files of different corpora apart in one folder', async () => {
    await openCache({ corpusKey: 'one' }).saveJson('index', 'first');
    await openCache({ corpusKey: 'two' }).saveJson('index', 'second');
    assert.equal(await openCache({ corpusKey: 'one' }).loadJson('index'), 'first');
    assert.equal(await openCache({ corpusKey: 'two' }).loadJson('index'), 'second');
  });

  it('hashes options independently of key order, and differently for different values', () => {
    assert.equal(optionsHash({ a: 1, b: [1, 2], c: { d: /x/i } }), optionsHash({ c: { d: /x/i }, b: [1, 2], a: 1 }));
    assert.notEqual(optionsHash({ a: 1 }), optionsHash({ a: 2 }));
    assert.notEqual(optionsHash({ c: { d: /x/i } }), optionsHash({ c: { d: /y/i } }));
  });

  it('never shows a half-written file to a reader while many writers race', async () => {
    const payloads = Array.from({ length: 12 }, (_, i) => Buffer.alloc(200_000 + i * 1000, 97 + i));
    const writers = payloads.map((payload, i) => openCache().saveBytes('index', payload).then(() => i));
    const reads: Array<Buffer | undefined> = [];
    const readers = Array.from({ length: 40 }, () => openCache().loadBytes('index').then((b) => reads.push(b)));
    await Promise.all([...writers, ...readers]);
    const missesOtherThanMissing = misses.filter((m) => m[1] !== 'missing');
    assert.deepEqual(missesOtherThanMissing, []);
    for (const bytes of reads.filter((b): b is Buffer => b !== undefined)) {
      assert.ok(payloads.some((p) => p.equals(bytes)), 'every read is one complete payload');
    }
    const final = await openCache().loadBytes('index');
    assert.ok(final && payloads.some((p) => p.equals(final)));
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')), [], 'no temp files are left behind');
  });

  it('decodes what it encodes, and the payload must match the header size', () => {
    const stamp = { kind: 'index', formatVersion: 1, optionsHash: 'abc' };
    const file = encodeCacheFile(stamp, Buffer.from('payload'));
    const read = decodeCacheFile(file, stamp);
    assert.ok(read.ok && read.payload.toString() === 'payload');
    const longer = decodeCacheFile(Buffer.concat([file, Buffer.from('x')]), stamp);
    assert.ok(!longer.ok && longer.miss === 'corrupt');
  });
});

describe('document store', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-docstore-test-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = () => new DocumentStore<{ sentences: number }>(new CorpusCache({ dir, corpusKey: 'c', formatVersion: 1, options: {} }));

  it('finds entries by content hash after a restart and drops those of files that are gone', async () => {
    const first = open();
    await first.load();
    assert.equal(first.size, 0);
    await first.save([['hash-a', { sentences: 3 }], ['hash-b', { sentences: 5 }]]);
    const second = open();
    await second.load();
    assert.deepEqual(second.get('hash-b'), { sentences: 5 });
    await second.save([['hash-b', { sentences: 5 }]]);
    const third = open();
    await third.load();
    assert.equal(third.get('hash-a'), undefined);
    assert.equal(third.size, 1);
  });
});
