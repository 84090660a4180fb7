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
  /** Document ids are paths from here, and what to hand back: a kept helper serves loads of any kind. */
  base: string;
  output: ExtractOutput;
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

/**
 * Extraction helpers kept between loads: starting a thread costs about 100 ms, far more than
 * reading one changed source, so a one-file update takes an idle helper instead of a new one.
 * An idle helper does not keep the process alive; dispose() ends them.
 */
export class ExtractHelpers {
  private readonly idle: Worker[] = [];
  private disposed = false;

  constructor(
    readonly script: string,
    readonly budget: ExtractBudget = DEFAULT_BUDGET,
  ) {}

  take(): Worker {
    const kept = this.idle.pop();
    if (kept) {
      kept.ref();
      return kept;
    }
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.budget.heapMb } });
    // A helper that ends while idle leaves the pool; without an 'error' listener its error would throw here.
    worker.on('exit', () => {
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    worker.on('error', () => undefined);
    return worker;
  }

  /** For a helper that answered every file it was given (one cut off mid-file is terminated instead). */
  give(worker: Worker): void {
    if (this.disposed || this.idle.length >= MAX_HELPERS) {
      void worker.terminate();
      return;
    }
    worker.unref();
    this.idle.push(worker);
  }

  /** Ends the idle helpers now, and each busy one when its load is done with it. */
  dispose(): void {
    this.disposed = true;
    for (const worker of this.idle.splice(0)) void worker.terminate();
  }
}

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
export async function loadEntries(options: CorpusLoadOptions, helpers: ExtractHelpers | undefined, onEntry: (entry: DocumentEntry) => void, listed?: FileListing): Promise<SkippedFile[]> {
  return loadInOrder(options, helpers, 'entry', (reply) => reply.entry && fromWire(reply.entry), (doc) => deriveEntry(doc), onEntry, listed);
}

/**
 * loadEntries for the archive's ingest: the helpers also turn each entry into its archive rows
 * (index terms, term counts, quotations), so that work is spread over them as well.
 */
export async function loadArchiveRows(options: CorpusLoadOptions, helpers: ExtractHelpers | undefined, onRow: (row: DocumentRow) => void, listed?: FileListing): Promise<SkippedFile[]> {
  return loadInOrder(options, helpers, 'archive-row', (reply) => reply.row, (doc) => toDocumentRow(deriveEntry(doc)), onRow, listed);
}

async function loadInOrder<T>(
  options: CorpusLoadOptions,
  helpers: ExtractHelpers | undefined,
  output: ExtractOutput,
  decode: (reply: { entry?: WireEntry; row?: DocumentRow }) => T | undefined,
  derive: (doc: SourceDocument) => T,
  onItem: (item: T) => void,
  listed: FileListing | undefined,
): Promise<SkippedFile[]> {
  const listing = listed ?? (await listCorpusFiles(options));
  if (helpers === undefined || !fs.existsSync(helpers.script) || listing.files.length === 0) {
    const { documents, skipped } = await loadListedFiles(listing, options);
    for (const doc of documents) onItem(derive(doc));
    return skipped;
  }
  const files = listing.files.map((file) => ({ file, id: documentId(file, options.base) })).sort((a, b) => compare(a.id, b.id)).map((f) => f.file);
  const skipped = [...listing.skipped];
  await extractGuarded(files, options, helpers, skipped, { output, decode, onItem });
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
  /** Removes this load's listeners, so the worker can serve the next load. */
  detach: () => void;
}

function extractGuarded<T>(files: string[], options: CorpusLoadOptions, helpers: ExtractHelpers, skipped: SkippedFile[], delivery: Delivery<T>): Promise<void> {
  const { budget } = helpers;
  return new Promise<void>((resolve, reject) => {
    // undefined: not ready yet; null: skipped (already in `skipped`).
    const ready: Array<T | null | undefined> = new Array(files.length);
    const queue: number[][] = [];
    for (let i = 0; i < files.length; i += CHUNK_FILES) queue.push(Array.from({ length: Math.min(CHUNK_FILES, files.length - i) }, (_, k) => i + k));
    const working = new Set<Helper>();
    let nextToIndex = 0;
    let finished = false;

    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const helper of working) stop(helper, false);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => finish(options.signal!.reason);
    options.signal?.addEventListener('abort', onAbort);

    /** `idle`: the helper answered every file it was given and goes back to the pool; otherwise it is terminated. */
    const stop = (helper: Helper, idle: boolean) => {
      clearTimeout(helper.timer);
      working.delete(helper);
      helper.detach();
      if (idle) helpers.give(helper.worker);
      else void helper.worker.terminate();
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
      if (!working.has(helper)) return;
      stop(helper, false);
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
      if (!chunk) return stop(helper, true);
      helper.chunk = chunk;
      helper.answered = 0;
      helper.worker.postMessage({ chunk: chunk[0], files: chunk.map((i) => files[i]), base: options.base, output: delivery.output } satisfies ExtractRequest);
      arm(helper);
    };
    const start = () => {
      while (!finished && working.size < Math.min(MAX_HELPERS, os.availableParallelism()) && queue.length > 0) {
        const worker = helpers.take();
        const onMessage = (reply: ExtractReply) => {
          if (!working.has(helper)) return;
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
        };
        const onError = (error: Error & { code?: string }) => overrun(helper, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `needed more than ${budget.heapMb} MB of memory to read` : `stopped the reader (${error.message})`);
        const onExit = (code: number) => overrun(helper, `stopped the reader (exit code ${code})`);
        const helper: Helper = {
          worker,
          chunk: [],
          answered: 0,
          detach: () => worker.off('message', onMessage).off('error', onError).off('exit', onExit),
        };
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        working.add(helper);
        assign(helper);
      }
    };
    start();
    indexReady();
  });
}
