// `sourced archive ingest`: loads folders of sources into the archive with the same extraction,
// cleaning, segmentation, quotes and speakers as the local corpus. Batches commit one by one, so
// an interrupted ingest resumes where it stopped; a file whose content hash is stored already is
// not read again, and a changed file replaces its old rows in the batch's one transaction.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { compare, documentId, listCorpusFiles } from '../corpus/loadCorpus';
import type { SkippedFile } from '../types';
import { defaultExtractWorker, ExtractHelpers, loadArchiveRows } from '../worker/parallelLoad';
import type { DocumentRow, TermCounts } from './documentRow';
import type { Queryable } from './connection';
import { copyRows, type CopyValue } from './copyRows';
import { createOrMigrate, SEARCH_INDEX_NAMES, SEARCH_INDEXES } from './schema';

export interface IngestOptions {
  /** Folders (or files) to load; each document's key is its path from the folder's parent ("wire/2024/a.txt"). */
  roots: string[];
  deleteMissing?: boolean;
  /** Files extracted and written per transaction. */
  batchSize?: number;
  /** A load of at least this many files that at least doubles the archive builds the search indexes at its end. */
  bulkFromFiles?: number;
  extractWorkerScript?: string;
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
}

export interface IngestProgress {
  files: number;
  done: number;
  added: number;
  replaced: number;
  unchanged: number;
  skipped: number;
  deleted: number;
}

export interface IngestReport extends IngestProgress {
  passages: number;
  skippedFiles: SkippedFile[];
  schema: { from: number | undefined; to: number };
}

const DEFAULT_BATCH = 1000;
/** Loads of fewer files keep the search indexes and update them as they go. */
const BULK_FROM_FILES = 5000;
const INDEX_BUILD_MEMORY = '256MB';

export class IngestBusyError extends Error {}

/** Connections an ingest writes through: two batches are written side by side, each in its own transaction. */
export const INGEST_CONNECTIONS = 2;

/** Ingests `options.roots` through up to INGEST_CONNECTIONS connections of `pool` (the caller's to end). */
export async function ingest(pool: Pool, label: string, options: IngestOptions): Promise<IngestReport> {
  const client = await pool.connect();
  try {
    const schema = await createOrMigrate(client, label);
    const lock = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext('sourced archive ingest')) AS locked`);
    if (!lock.rows[0].locked) throw new IngestBusyError(`another ingest is writing to ${label}: wait until it finishes, then run this one again (it picks up where that one stopped).`);
    const script = options.extractWorkerScript ?? defaultExtractWorker();
    // One set of helpers for every batch, instead of two new threads per batch.
    const helpers = script === undefined ? undefined : new ExtractHelpers(script);
    const writers = [client];
    try {
      // A second writer where the pool allows one (a pool of one connection writes batches in turn).
      if ((pool.options.max ?? 1) >= INGEST_CONNECTIONS) writers.push(await pool.connect());
      for (const writer of writers) await configureWriter(writer);
      return { ...(await ingestLocked(writers, options, helpers)), schema };
    } finally {
      helpers?.dispose();
      for (const writer of writers.slice(1)) writer.release();
      await client.query(`SELECT pg_advisory_unlock(hashtext('sourced archive ingest'))`).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

async function configureWriter(client: PoolClient): Promise<void> {
  // A batch lost to a crash is written again by the next run (files are compared by hash), so
  // commits need not wait for the disk; a larger GIN pending list takes bulk inserts in fewer merges.
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET gin_pending_list_limit = '64MB'`);
  await client.query(`SET maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
  // Bodies and derived data are compressed as they are stored: lz4 does it several times faster
  // than the default pglz (and reads back faster), where the server was built with it.
  await client.query(`SET default_toast_compression = 'lz4'`).catch(() => undefined);
}

interface Root {
  base: string;
  /** Keys under this root start with it ("wire/"). */
  prefix: string;
  files: string[];
}

interface PreparedBatch {
  files: number;
  rows: DocumentRow[];
  unchanged: number;
  skipped: SkippedFile[];
  /** Keys of stored documents whose file can no longer be read. */
  gone: string[];
}

async function ingestLocked(writers: readonly PoolClient[], options: IngestOptions, helpers: ExtractHelpers | undefined): Promise<Omit<IngestReport, 'schema'>> {
  const [client] = writers;
  const progress: IngestProgress = { files: 0, done: 0, added: 0, replaced: 0, unchanged: 0, skipped: 0, deleted: 0 };
  const skippedFiles: SkippedFile[] = [];
  const roots: Root[] = [];
  for (const root of options.roots) {
    const absolute = nodePath.resolve(root);
    const base = nodePath.dirname(absolute);
    const listing = await listCorpusFiles({ base, roots: [absolute], signal: options.signal });
    skippedFiles.push(...listing.skipped);
    roots.push({ base, prefix: `${documentId(absolute, base)}/`, files: listing.files });
  }
  progress.files = roots.reduce((n, r) => n + r.files.length, 0);
  progress.skipped = skippedFiles.length;
  const stored = await storedHashes(client);
  // A load that at least doubles the archive builds the search indexes once at its end instead of
  // updating them row by row; an interrupted one leaves them to the next run, which builds them.
  if (progress.files >= (options.bulkFromFiles ?? BULK_FROM_FILES) && progress.files >= 2 * stored.size) {
    for (const name of SEARCH_INDEX_NAMES) await client.query(`DROP INDEX IF EXISTS ${name}`);
  }
  let passages = 0;
  const present = new Set<string>();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const batches = roots.flatMap((root) => Array.from({ length: Math.ceil(root.files.length / batchSize) }, (_, i) => ({ root, files: root.files.slice(i * batchSize, (i + 1) * batchSize) })));
  const prepare = async ({ root, files }: (typeof batches)[number]): Promise<PreparedBatch> => {
    const changed: string[] = [];
    let unchanged = 0;
    for (const file of files) {
      const key = documentId(file, root.base);
      present.add(key);
      const hash = await fileHash(file);
      if (hash !== undefined && stored.get(key) === hash) unchanged++;
      else changed.push(file);
    }
    const rows: DocumentRow[] = [];
    const skipped = await loadArchiveRows({ base: root.base, roots: [], signal: options.signal }, helpers, (row) => rows.push(row), { files: changed, skipped: [] });
    // A file that can no longer be read keeps nothing stale in the archive.
    const gone = skipped.map((s) => documentId(s.path, root.base)).filter((key) => stored.has(key));
    return { files: files.length, rows, unchanged, skipped, gone };
  };
  // The next batch is read and segmented while the server writes this one (and the one before, on another connection).
  const writing: Array<Promise<void> | undefined> = writers.map(() => undefined);
  const written = (batch: PreparedBatch) => {
    for (const row of batch.rows) {
      if (stored.has(row.key)) progress.replaced++;
      else progress.added++;
      stored.set(row.key, row.contentHash);
      passages += row.passageTerms.length;
    }
    for (const key of batch.gone) stored.delete(key);
    progress.deleted += batch.gone.length;
    progress.done += batch.files;
    options.onProgress?.({ ...progress });
  };
  try {
    let next = batches.length > 0 ? prepare(batches[0]) : undefined;
    for (let b = 0; next; b++) {
      options.signal?.throwIfAborted();
      const batch = await next;
      next = b + 1 < batches.length ? prepare(batches[b + 1]) : undefined;
      next?.catch(() => undefined);
      skippedFiles.push(...batch.skipped);
      progress.skipped += batch.skipped.length;
      progress.unchanged += batch.unchanged;
      const slot = b % writers.length;
      await writing[slot];
      // Replacements and deletions are counted against what is stored when the batch's write ends.
      writing[slot] = writeBatch(writers[slot], batch.rows, batch.gone, options.signal).then(() => written(batch));
      writing[slot].catch(() => undefined);
    }
  } finally {
    // No write is left running on a connection that goes back to the pool (a failed one has rolled back).
    await Promise.allSettled(writing);
  }
  await Promise.all(writing);
  options.signal?.throwIfAborted();
  if (options.deleteMissing) {
    const missing = [...stored.keys()].filter((key) => !present.has(key) && roots.some((r) => key.startsWith(r.prefix))).sort(compare);
    for (let i = 0; i < missing.length; i += DEFAULT_BATCH) {
      await writeBatch(client, [], missing.slice(i, i + DEFAULT_BATCH));
      progress.deleted += Math.min(DEFAULT_BATCH, missing.length - i);
      options.onProgress?.({ ...progress });
    }
  }
  // Each index is built by a writer of its own, side by side (the passages' is the long one).
  const builds = await Promise.allSettled(Object.values(SEARCH_INDEXES).map((create, i) => writers[i % writers.length].query(create)));
  for (const build of builds) if (build.status === 'rejected') throw build.reason;
  return { ...progress, passages, skippedFiles: skippedFiles.sort((a, b) => compare(a.path, b.path)) };
}

async function storedHashes(db: Queryable): Promise<Map<string, string>> {
  const result = await db.query<{ doc_key: string; content_hash: string }>(`SELECT doc_key, content_hash FROM sourced_documents`);
  return new Map(result.rows.map((r) => [r.doc_key, r.content_hash]));
}

/** Each document's rows of a child table, read lazily. */
function* rowsOf(rows: readonly DocumentRow[], childRows: (row: DocumentRow, index: number) => CopyValue[][]): Generator<CopyValue[]> {
  for (let i = 0; i < rows.length; i++) yield* childRows(rows[i], i);
}

/** sha256 of the file's bytes (as loadFile computes it), or undefined when it cannot be read (loading it says why). */
async function fileHash(file: string): Promise<string | undefined> {
  try {
    return createHash('sha256').update(await fs.readFile(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/** One transaction: drops the old rows of replaced and `removed` documents, inserts `rows`, and keeps the term statistics in step. */
async function writeBatch(db: PoolClient, rows: readonly DocumentRow[], removed: readonly string[], signal?: AbortSignal): Promise<void> {
  if (rows.length === 0 && removed.length === 0) return;
  await db.query('BEGIN');
  try {
    const deltas = new Map<string, [number, number]>();
    const addCounts = (counts: TermCounts, sign: 1 | -1) => {
      counts.terms.forEach((term, i) => {
        const delta = deltas.get(term) ?? [0, 0];
        delta[0] += sign * counts.passages[i];
        delta[1] += sign * counts.lowercase[i];
        deltas.set(term, delta);
      });
    };
    const old = await db.query<{ term_counts: TermCounts; passages: number }>(
      `DELETE FROM sourced_documents WHERE doc_key = ANY($1::text[])
       RETURNING term_counts, jsonb_array_length(derived -> 'passages') / 4 AS passages`,
      [[...rows.map((r) => r.key), ...removed]],
    );
    for (const row of old.rows) addCounts(row.term_counts, -1);
    let passageTotal = -old.rows.reduce((n, r) => n + r.passages, 0);
    if (rows.length > 0) {
      // Ids are drawn first, so every table's rows can go in with COPY.
      const ids = await db.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('sourced_documents', 'id'))::text AS id FROM generate_series(1, $1)`, [rows.length]);
      const idOf = (i: number) => ids.rows[i].id;
      await copyRows(
        db,
        'sourced_documents (id, doc_key, content_hash, format, title, author, outlet, published, url, body, derived, term_counts)',
        rows.map((r, i) => [idOf(i), r.key, r.contentHash, r.format, r.metadata.title ?? null, r.metadata.author ?? null, r.metadata.outlet ?? null, r.metadata.date ?? null, r.metadata.url ?? null, r.body, r.derived, JSON.stringify(r.termCounts)]),
      );
      await copyRows(db, 'sourced_passages (document_id, ordinal, terms)', rowsOf(rows, (row, i) => row.passageTerms.map((terms, n) => [idOf(i), n, terms])));
      await copyRows(db, 'sourced_quotes (document_id, ordinal, words, speaker)', rowsOf(rows, (row, i) => row.quotes.map((quote, n) => [idOf(i), n, quote.words, quote.speaker])));
      for (const row of rows) {
        addCounts(row.termCounts, 1);
        passageTotal += row.passageTerms.length;
      }
    }
    // Sorted, so two writers would take the term rows' locks in the same order.
    const terms = [...deltas.keys()].filter((t) => deltas.get(t)![0] !== 0 || deltas.get(t)![1] !== 0).sort(compare);
    if (terms.length > 0) {
      await db.query(
        `INSERT INTO sourced_terms (term, passages, lowercase) SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
         ON CONFLICT (term) DO UPDATE SET passages = sourced_terms.passages + EXCLUDED.passages, lowercase = sourced_terms.lowercase + EXCLUDED.lowercase`,
        [terms, terms.map((t) => deltas.get(t)![0]), terms.map((t) => deltas.get(t)![1])],
      );
      await db.query(`DELETE FROM sourced_terms WHERE term = ANY($1::text[]) AND passages <= 0`, [terms]);
    }
    await db.query(`UPDATE sourced_totals SET documents = documents + $1, passages = passages + $2`, [rows.length - old.rows.length, passageTotal]);
    // An ingest stopped while this batch was written commits nothing more.
    signal?.throwIfAborted();
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
