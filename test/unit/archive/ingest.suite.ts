import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import { deriveEntry } from '../../../src/core/documentEntry';
import { ARCHIVE_SCHEMA_VERSION, createOrMigrate } from '../../../src/core/archive/schema';
import { fromDocumentRow, metadataFromColumns } from '../../../src/core/archive/documentRow';
import type { Cluster } from './cluster';
import { freshDatabase, ingestInto, repo, sourceFolder, withPool } from './fixtures';

interface Counts {
  documents: number;
  passages: number;
  quotes: number;
  terms: number;
  totals: { documents: number; passages: number };
}

async function counts(url: string): Promise<Counts> {
  return withPool(url, async (pool) => {
    const one = async (sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0].n);
    const totals = (await pool.query<{ documents: string; passages: string }>('SELECT documents, passages FROM sourced_totals')).rows[0];
    return {
      documents: await one('SELECT count(*) AS n FROM sourced_documents'),
      passages: await one('SELECT count(*) AS n FROM sourced_passages'),
      quotes: await one('SELECT count(*) AS n FROM sourced_quotes'),
      terms: await one('SELECT count(*) AS n FROM sourced_terms'),
      totals: { documents: Number(totals.documents), passages: Number(totals.passages) },
    };
  });
}

/** Term statistics recomputed from the documents the archive holds: what sourced_terms must equal. */
async function termsFromScratch(url: string): Promise<Map<string, [number, number]>> {
  return withPool(url, async (pool) => {
    const rows = await pool.query<{ term_counts: { terms: string[]; passages: number[]; lowercase: number[] } }>('SELECT term_counts FROM sourced_documents');
    const totals = new Map<string, [number, number]>();
    for (const { term_counts: c } of rows.rows) {
      c.terms.forEach((t, i) => {
        const e = totals.get(t) ?? [0, 0];
        totals.set(t, [e[0] + c.passages[i], e[1] + c.lowercase[i]]);
      });
    }
    return totals;
  });
}

async function storedTerms(url: string): Promise<Map<string, [number, number]>> {
  return withPool(url, async (pool) => {
    const rows = await pool.query<{ term: string; passages: number; lowercase: number }>('SELECT term, passages, lowercase FROM sourced_terms');
    return new Map(rows.rows.map((r) => [r.term, [r.passages, r.lowercase] as [number, number]]));
  });
}

export function ingestSuite(cluster: () => Cluster): void {
  describe('archive ingest', () => {
    it('stores every sample article with the passages, quotes and speakers the local corpus derives', async () => {
      const url = freshDatabase(cluster());
      const dir = sourceFolder('corpus');
      const report = await ingestInto(url, { roots: [dir], batchSize: 2 });
      assert.equal(report.added, 5);
      assert.equal(report.schema.from, undefined);
      assert.equal(report.schema.to, ARCHIVE_SCHEMA_VERSION);
      const local = await loadCorpus({ base: path.dirname(dir), roots: [dir] });
      const entries = local.documents.map(deriveEntry);
      const c = await counts(url);
      assert.equal(c.documents, 5);
      assert.equal(c.passages, entries.reduce((n, e) => n + e.passages.length, 0));
      assert.equal(c.quotes, entries.reduce((n, e) => n + e.quotes.length, 0));
      assert.deepEqual(c.totals, { documents: 5, passages: c.passages });
      await withPool(url, async (pool) => {
        const rows = await pool.query('SELECT doc_key AS key, content_hash AS "contentHash", format, body, derived, title, author, outlet, published, url FROM sourced_documents ORDER BY doc_key');
        rows.rows.forEach((row, i) => {
          const back = fromDocumentRow({ ...row, metadata: metadataFromColumns(row) }, entries[i].doc.id, entries[i].doc.path);
          assert.deepEqual(back, JSON.parse(JSON.stringify(entries[i])));
        });
      });
    });

    it('does nothing when run again on unchanged files, and replaces a changed file whole', async () => {
      const url = freshDatabase(cluster());
      const dir = sourceFolder('corpus');
      await ingestInto(url, { roots: [dir] });
      const before = await counts(url);
      const again = await ingestInto(url, { roots: [dir] });
      assert.deepEqual([again.added, again.replaced, again.unchanged], [0, 0, 5]);
      assert.deepEqual(await counts(url), before);

      const file = path.join(dir, fs.readdirSync(dir)[0]);
      fs.appendFileSync(file, '\nThe harbour master said the new pier will open on 3 June.\n');
      const changed = await ingestInto(url, { roots: [dir] });
      assert.deepEqual([changed.added, changed.replaced, changed.unchanged], [0, 1, 4]);
      const after = await counts(url);
      assert.equal(after.documents, 5);
      assert.equal(after.passages, before.passages + 1);
      assert.deepEqual(after.totals, { documents: 5, passages: after.passages });
      assert.deepEqual(await storedTerms(url), await termsFromScratch(url));
      const harbour = (await storedTerms(url)).get('harbour');
      assert.deepEqual(harbour?.[0], 1);
    });

    it('mirrors a folder with --delete-missing, and keeps other folders\' documents', async () => {
      const url = freshDatabase(cluster());
      const dir = sourceFolder('corpus');
      const wire = sourceFolder('wire', { 'a.txt': 'The council approved the budget on Monday. "We have done our job," the mayor said.\n' });
      await ingestInto(url, { roots: [dir, wire] });
      fs.rmSync(path.join(dir, fs.readdirSync(dir)[0]));
      const kept = await ingestInto(url, { roots: [dir] });
      assert.equal(kept.deleted, 0);
      assert.equal((await counts(url)).documents, 6);
      const mirrored = await ingestInto(url, { roots: [dir], deleteMissing: true });
      assert.equal(mirrored.deleted, 1);
      const c = await counts(url);
      assert.equal(c.documents, 5);
      assert.deepEqual(c.totals, { documents: 5, passages: c.passages });
      assert.deepEqual(await storedTerms(url), await termsFromScratch(url));
      await withPool(url, async (pool) => {
        const keys = (await pool.query<{ doc_key: string }>('SELECT doc_key FROM sourced_documents ORDER BY doc_key')).rows.map((r) => r.doc_key);
        assert.ok(keys.includes('wire/a.txt'));
        assert.equal(keys.filter((k) => k.startsWith('corpus/')).length, 4);
      });
    });

    it('resumes after an interruption: batches already committed are not written again', async () => {
      const url = freshDatabase(cluster());
      const dir = sourceFolder('corpus');
      const controller = new AbortController();
      await assert.rejects(
        ingestInto(url, { roots: [dir], batchSize: 2, signal: controller.signal, onProgress: (p) => p.done >= 2 && controller.abort() }),
        (error: Error) => error.name === 'AbortError',
      );
      assert.equal((await counts(url)).documents, 2);
      const resumed = await ingestInto(url, { roots: [dir], batchSize: 2 });
      assert.deepEqual([resumed.added, resumed.unchanged], [3, 2]);
      assert.deepEqual(await storedTerms(url), await termsFromScratch(url));
    });

    it('a large first load builds the search indexes at its end; one interrupted leaves them to the next run', async () => {
      const url = freshDatabase(cluster());
      const dir = sourceFolder('corpus');
      const indexes = () => withPool(url, async (pool) => (await pool.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE indexname IN ('sourced_passages_terms', 'sourced_quotes_words') ORDER BY 1`)).rows.map((r) => r.indexname));
      const controller = new AbortController();
      await assert.rejects(ingestInto(url, { roots: [dir], batchSize: 2, bulkFromFiles: 1, signal: controller.signal, onProgress: (p) => p.done >= 2 && controller.abort() }));
      assert.deepEqual(await indexes(), []);
      await ingestInto(url, { roots: [dir], batchSize: 2, bulkFromFiles: 1 });
      assert.deepEqual(await indexes(), ['sourced_passages_terms', 'sourced_quotes_words']);
      const plan = await withPool(url, async (pool) => {
        await pool.query('SET enable_seqscan = off');
        return (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT 1 FROM sourced_passages WHERE terms @@ 'pompeo'::tsquery`)).rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      assert.match(plan, /sourced_passages_terms/);
    });

    it('refuses a schema newer than it knows, and leaves it untouched', async () => {
      const url = freshDatabase(cluster());
      await ingestInto(url, { roots: [sourceFolder('corpus', { 'a.txt': 'One sentence to store.\n' })] });
      await withPool(url, (pool) => pool.query('INSERT INTO sourced_schema (version) VALUES ($1)', [ARCHIVE_SCHEMA_VERSION + 1]));
      await assert.rejects(
        withPool(url, async (pool) => {
          const client = await pool.connect();
          try {
            return await createOrMigrate(client, 'the test archive');
          } finally {
            client.release();
          }
        }),
        new RegExp(`schema version ${ARCHIVE_SCHEMA_VERSION + 1}, newer than this Sourced reads \\(${ARCHIVE_SCHEMA_VERSION}\\): update Sourced`),
      );
      assert.equal((await counts(url)).documents, 1);
    });
  });
}

export function ingestCliSuite(cluster: () => Cluster): void {
  describe('sourced archive ingest (the command)', () => {
    const cli = path.join(repo, 'dist', 'cli.js');
    const run = (args: string[]) => spawnSync(process.execPath, [cli, 'archive', 'ingest', ...args], { encoding: 'utf8' });

    it('loads a folder, says what it did, and exits 0; a second run finds everything unchanged', () => {
      const url = freshDatabase(cluster());
      const dir = sourceFolder('corpus');
      const first = run(['--db', url, dir]);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /created the archive tables \(schema \d+\); 5 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped; \d+ passages written\./);
      assert.match(first.stderr, /ingest: 5\/5 files, 5 added/);
      assert.doesNotMatch(first.stdout + first.stderr, new RegExp(cluster().password), 'the password is never printed');
      const second = run(['--db', url, dir]);
      assert.match(second.stdout, /0 added, 0 replaced, 5 unchanged/);
    });

    it('says what to do when the server is unreachable or the password is wrong (exit 2)', () => {
      const dir = sourceFolder('corpus');
      const down = run(['--db', `postgresql://nobody@/none?host=${encodeURIComponent(path.join(cluster().dir, 'missing'))}`, dir]);
      assert.equal(down.status, 2);
      assert.match(down.stderr, /Cannot reach the archive .*check that the server runs and that the URL is right/);
      const wrong = run(['--db', cluster().url('postgres', 'sourced_admin', 'not-the-password'), dir]);
      assert.equal(wrong.status, 2);
      assert.match(wrong.stderr, /refused the password/);
    });

    it('explains its usage when --db or the folder is missing', () => {
      const noDb = run([sourceFolder('corpus')]);
      assert.equal(noDb.status, 2);
      assert.match(noDb.stderr, /--db URL is required/);
    });
  });
}
