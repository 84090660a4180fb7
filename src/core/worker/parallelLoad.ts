// A cold load off the loading thread: helper workers read and extract the files (the per-file,
// embarrassingly parallel half) while this thread indexes, strictly in document-id order, whatever
// is ready. Documents reach the index in the same order as a one-thread load, so the index, and
// every ranking, is identical. Each file has a time and a memory budget: a helper that overruns
// is terminated, that file is skipped with the reason, and a fresh helper takes the rest.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { compare, documentId, listCorpusFiles, loadListedFiles, type FileListing } from '../corpus/loadCorpus';
import { deriveEntry, type DocumentEntry } from '../documentEntry';
import type { CorpusLoadOptions } from '../engineApi';
import type { SkippedFile, SourceDocument } from '../types';
import { fromWire, type WireEntry } from './extractFiles';
import { toDocumentRow, type DocumentRow } from '../archive/documentRow';

export interface ExtractRequest {
  chunk: number;
  files: string[];
}

/** One reply per file, in the chunk's order (so a helper that stops mid-chunk loses no finished file). */
export type ExtractReply = { chunk: number; entry?: WireEntry; row?: DocumentRow; skipped?: SkippedFile } | { chunk: number; error: string };

/** What a helper hands back for each file: the entry the index takes, or (for the archive's ingest) the rows to write. */
export type ExtractOutput = 'entry' | 'archive-row';

export interface ExtractBudget {
  /** Longest one file may take to read and extract. */
  fileMs: number;
  /** A helper's heap limit: a file that needs more is skipped. */
  heapMb: number;
}

/**
 * 30 s: a 10 MB source takes a few seconds on a slow machine, so only a file built to stall
 * readers (or a defect) meets it; 1.5 GB of heap holds any file under the 10 MB limit.
 */
export const DEFAULT_BUDGET: ExtractBudget = { fileMs: 30_000, heapMb: 1536 };
const CHUNK_FILES = 32;
/** Helpers at once: two keep both cores of a small machine busy with this thread indexing. */
const MAX_HELPERS = 2;

/** The helper's bundle beside the running one (dist/), if it is there. */
export function defaultExtractWorker(): string | undefined {
  const beside = path.join(__dirname, 'extractWorker.js');
  return fs.existsSync(beside) ? beside : undefined;
}

/**
 * Reads and extracts every file under the roots, giving each document's entry to `onEntry` in
 * document-id order; returns the skipped files sorted by path (as loadCorpus does). Without a
 * helper bundle (tests run from out/), everything runs on this thread, without budgets.
 */
export async function loadEntries(
  options: CorpusLoadOptions,
  workerScript: string | undefined,
  onEntry: (entry: DocumentEntry) => void,
  listed?: FileListing,
  budget: ExtractBudget = DEFAULT_BUDGET,
): Promise<SkippedFile[]> {
  return loadInOrder(options, workerScript, 'entry', (reply) => reply.entry && fromWire(reply.entry), (doc) => deriveEntry(doc), onEntry, listed, budget);
}

/**
 * loadEntries for the archive's ingest: the helpers also turn each entry into its archive rows
 * (index terms, term counts, quotations), so that work is spread over them as well.
 */
export async function loadArchiveRows(options: CorpusLoadOptions, workerScript: string | undefined, onRow: (row: DocumentRow) => void, listed?: FileListing): Promise<SkippedFile[]> {
  return loadInOrder(options, workerScript, 'archive-row', (reply) => reply.row, (doc) => toDocumentRow(deriveEntry(doc)), onRow, listed, DEFAULT_BUDGET);
}

async function loadInOrder<T>(
  options: CorpusLoadOptions,
  workerScript: string | undefined,
  output: ExtractOutput,
  decode: (reply: { entry?: WireEntry; row?: DocumentRow }) => T | undefined,
  derive: (doc: SourceDocument) => T,
  onItem: (item: T) => void,
  listed: FileListing | undefined,
  budget: ExtractBudget,
): Promise<SkippedFile[]> {
  const listing = listed ?? (await listCorpusFiles(options));
  if (workerScript === undefined || !fs.existsSync(workerScript) || listing.files.length === 0) {
    const { documents, skipped } = await loadListedFiles(listing, options);
    for (const doc of documents) onItem(derive(doc));
    return skipped;
  }
  const files = listing.files.map((file) => ({ file, id: documentId(file, options.base) })).sort((a, b) => compare(a.id, b.id)).map((f) => f.file);
  const skipped = [...listing.skipped];
  await extractGuarded(files, options, workerScript, budget, skipped, { output, decode, onItem });
  options.signal?.throwIfAborted();
  return skipped.sort((a, b) => compare(a.path, b.path));
}

/** What the helpers make of each file, and where it goes. */
interface Delivery<T> {
  output: ExtractOutput;
  decode: (reply: { entry?: WireEntry; row?: DocumentRow }) => T | undefined;
  onItem: (item: T) => void;
}

interface Helper {
  worker: Worker;
  /** Indexes (into files) of the chunk it works on, and how many of them it has answered. */
  chunk: number[];
  answered: number;
  timer?: NodeJS.Timeout;
}

function extractGuarded<T>(files: string[], options: CorpusLoadOptions, workerScript: string, budget: ExtractBudget, skipped: SkippedFile[], delivery: Delivery<T>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // undefined: not ready yet; null: skipped (already in `skipped`).
    const ready: Array<T | null | undefined> = new Array(files.length);
    const queue: number[][] = [];
    for (let i = 0; i < files.length; i += CHUNK_FILES) queue.push(Array.from({ length: Math.min(CHUNK_FILES, files.length - i) }, (_, k) => i + k));
    const helpers = new Set<Helper>();
    let nextToIndex = 0;
    let finished = false;

    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const helper of helpers) stop(helper);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => finish(options.signal!.reason);
    options.signal?.addEventListener('abort', onAbort);

    const stop = (helper: Helper) => {
      clearTimeout(helper.timer);
      helpers.delete(helper);
      void helper.worker.terminate();
    };
    const indexReady = () => {
      try {
        while (nextToIndex < files.length && ready[nextToIndex] !== undefined) {
          const entry = ready[nextToIndex];
          ready[nextToIndex++] = undefined;
          if (entry) delivery.onItem(entry);
          options.onProgress?.(nextToIndex, files.length);
        }
      } catch (error) {
        return finish(error);
      }
      if (nextToIndex === files.length) finish();
    };
    const arm = (helper: Helper) => {
      clearTimeout(helper.timer);
      if (helper.answered < helper.chunk.length) helper.timer = setTimeout(() => overrun(helper, `took longer than ${budget.fileMs / 1000} s to read`), budget.fileMs);
    };
    /** The file the helper is on is skipped; the rest of its chunk goes to a fresh helper. */
    const overrun = (helper: Helper, what: string) => {
      if (!helpers.has(helper)) return;
      stop(helper);
      const file = helper.chunk[helper.answered];
      if (file !== undefined) {
        skipped.push({ path: files[file], reason: `${what} (Sourced stopped reading it so indexing could go on): check the file, or split it into smaller files` });
        ready[file] = null;
        const rest = helper.chunk.slice(helper.answered + 1);
        if (rest.length) queue.unshift(rest);
      }
      start();
      indexReady();
    };
    const assign = (helper: Helper) => {
      const chunk = queue.shift();
      if (!chunk) return stop(helper);
      helper.chunk = chunk;
      helper.answered = 0;
      helper.worker.postMessage({ chunk: chunk[0], files: chunk.map((i) => files[i]) } satisfies ExtractRequest);
      arm(helper);
    };
    const start = () => {
      while (!finished && helpers.size < Math.min(MAX_HELPERS, os.availableParallelism()) && queue.length > 0) {
        const worker = new Worker(workerScript, { workerData: { base: options.base, output: delivery.output }, resourceLimits: { maxOldGenerationSizeMb: budget.heapMb } });
        const helper: Helper = { worker, chunk: [], answered: 0 };
        helpers.add(helper);
        worker.on('message', (reply: ExtractReply) => {
          if (!helpers.has(helper)) return;
          if ('error' in reply) return finish(new Error(`Extracting sources failed: ${reply.error}`));
          const file = helper.chunk[helper.answered++];
          const item = delivery.decode(reply);
          if (item !== undefined) ready[file] = item;
          else {
            ready[file] = null;
            if (reply.skipped) skipped.push(reply.skipped);
          }
          if (helper.answered === helper.chunk.length) assign(helper);
          else arm(helper);
          indexReady();
        });
        const lost = (what: string) => overrun(helper, what);
        worker.on('error', (error: Error & { code?: string }) => lost(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `needed more than ${budget.heapMb} MB of memory to read` : `stopped the reader (${error.message})`));
        worker.on('exit', (code) => lost(`stopped the reader (exit code ${code})`));
        assign(helper);
      }
    };
    start();
    indexReady();
  });
}
