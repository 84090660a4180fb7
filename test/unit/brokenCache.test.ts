// A damaged cache is rebuilt, and two processes (two VS Code windows on one workspace) writing
// the same cache at once never leave it corrupt. Run with SOURCED_CACHE_WRITER set, this file
// is the writer process itself.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusCache, type CorpusCacheOptions } from '../../src/core/cache/corpusCache';
import type { CacheMiss } from '../../src/core/cache/cacheFile';
import { DocumentStore } from '../../src/core/cache/documentStore';

type Entry = { writer: string; round: number; sentences: string[] };

function openStore(dir: string, onMiss?: CorpusCacheOptions['onMiss'], formatVersion = 1): DocumentStore<Entry> {
  return new DocumentStore<Entry>(new CorpusCache({ dir, corpusKey: '/workspace:corpus', formatVersion, options: { passages: 3 }, onMiss }));
}

/** The writer process: saves and reloads the shared store many times, and prints what it saw. */
async function writerProcess(dir: string, name: string, rounds: number): Promise<void> {
  const problems: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const store = openStore(dir, (_entry, miss, detail) => miss !== 'missing' && problems.push(`${miss}: ${detail}`));
    await store.load();
    const sentences = Array.from({ length: 400 + round }, (_, i) => `${name} sentence ${i} of round ${round}.`);
    await store.save([[`hash-${name}`, { writer: name, round, sentences }]]);
  }
  process.stdout.write(JSON.stringify({ name, problems }));
}

if (process.env.SOURCED_CACHE_WRITER) {
  const [dir, name, rounds] = JSON.parse(process.env.SOURCED_CACHE_WRITER) as [string, string, number];
  writerProcess(dir, name, rounds).catch((error: unknown) => {
    process.stderr.write(String(error));
    process.exit(1);
  });
} else {
  describe('cache under damage and concurrent writers', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-cache-broken-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const cacheFile = () => fs.readdirSync(dir).map((f) => path.join(dir, f)).find((f) => f.endsWith('-documents.cache'))!;
    const entry: Entry = { writer: 'w', round: 0, sentences: ['One.', 'Two.'] };

    for (const [damage, expected, spoil] of [
      ['truncated', 'corrupt', (bytes: Buffer) => bytes.subarray(0, bytes.length - 7)],
      ['byte-flipped', 'corrupt', (bytes: Buffer) => Buffer.concat([bytes.subarray(0, -3), Buffer.from([bytes[bytes.length - 3] ^ 0xff]), bytes.subarray(-2)])],
      ['zero-filled', 'corrupt', (bytes: Buffer) => Buffer.alloc(bytes.length)],
      ['empty', 'corrupt', () => Buffer.alloc(0)],
    ] as Array<[string, CacheMiss, (bytes: Buffer) => Buffer]>) {
      it(`rebuilds a cache file that is ${damage}: nothing of it is used, and the next save is whole again`, async () => {
        await openStore(dir).save([['h', entry]]);
        fs.writeFileSync(cacheFile(), spoil(fs.readFileSync(cacheFile())));
        const misses: CacheMiss[] = [];
        const damaged = openStore(dir, (_e, miss) => misses.push(miss));
        await damaged.load();
        assert.equal(damaged.size, 0);
        assert.deepEqual(misses, [expected]);
        await damaged.save([['h', entry]]);
        const rebuilt = openStore(dir);
        await rebuilt.load();
        assert.deepEqual(rebuilt.get('h'), entry);
      });
    }

    it('rebuilds a cache written by another format version instead of reading it', async () => {
      await openStore(dir, undefined, 1).save([['h', entry]]);
      const misses: CacheMiss[] = [];
      const newer = openStore(dir, (_e, miss) => misses.push(miss), 2);
      await newer.load();
      assert.equal(newer.size, 0);
      assert.deepEqual(misses, ['other-version']);
    });

    it('survives two processes writing the same cache at once: every read whole, the last file valid', async function () {
      this.timeout(60_000);
      const rounds = 60;
      const run = (name: string) =>
        new Promise<{ name: string; problems: string[] }>((resolve, reject) => {
          const child = spawn(process.execPath, [__filename], { env: { ...process.env, SOURCED_CACHE_WRITER: JSON.stringify([dir, name, rounds]) } });
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d));
          child.stderr.on('data', (d: Buffer) => (err += d));
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { name: string; problems: string[] }) : reject(new Error(`${name} exited ${code}: ${err}`))));
        });
      // This process reads while the two windows write.
      const readerProblems: string[] = [];
      let reads = 0;
      let writing = true;
      const reader = (async () => {
        while (writing) {
          const store = openStore(dir, (_e, miss, detail) => miss !== 'missing' && readerProblems.push(`${miss}: ${detail}`));
          await store.load();
          reads++;
          await new Promise((r) => setImmediate(r));
        }
      })();
      const results = await Promise.all([run('window-a'), run('window-b')]);
      writing = false;
      await reader;
      for (const result of results) assert.deepEqual(result.problems, [], `${result.name} read a damaged cache`);
      assert.deepEqual(readerProblems, [], 'the reader saw a damaged cache');
      const final = openStore(dir);
      await final.load();
      assert.equal(final.size, 1, 'the last writer\'s entries, whole');
      const saved = [...['window-a', 'window-b']].map((w) => final.get(`hash-${w}`)).find(Boolean)!;
      assert.equal(saved.round, rounds - 1);
      assert.equal(saved.sentences.length, 400 + rounds - 1);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp files left');
      console.log(`      (2 processes x ${rounds} saves, ${reads} concurrent reads, no damaged read)`);
    });
  });
}
