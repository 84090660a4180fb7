// A cold load on two threads: a helper worker reads and extracts chunks of files (the per-file,
// embarrassingly parallel half) while this thread extracts other chunks and indexes, strictly in
// document-id order, whatever is ready. Documents reach the index in the same order as a
// one-thread load, so the index, and every ranking, is identical.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { compare, documentId, listCorpusFiles, loadListedFiles, type FileListing } from '../corpus/loadCorpus';
import { deriveEntry, type DocumentEntry } from '../documentEntry';
import type { CorpusLoadOptions } from '../engineApi';
import type { SkippedFile } from '../types';
import { extractFiles, fromWire, type WireEntry } from './extractFiles';

export interface ExtractRequest {
  chunk: number;
  files: string[];
}

export type ExtractReply = { chunk: number; entries: WireEntry[]; skipped: SkippedFile[] } | { chunk: number; error: string };

/** Below this many files a second thread costs more to start than it saves. */
const PARALLEL_MIN_FILES = 200;
const CHUNK_FILES = 32;
/** Chunks queued at the helper, so it never waits for this thread to hand it work. */
const HELPER_QUEUE = 2;

/** The helper's bundle beside the running one (dist/), if it is there. */
export function defaultExtractWorker(): string | undefined {
  const beside = path.join(__dirname, 'extractWorker.js');
  return fs.existsSync(beside) ? beside : undefined;
}

/**
 * Reads and extracts every file under the roots, giving each document's entry to `onEntry` in
 * document-id order; returns the skipped files sorted by path (as loadCorpus does).
 */
export async function loadEntries(
  options: CorpusLoadOptions,
  workerScript: string | undefined,
  onEntry: (entry: DocumentEntry) => void,
  listed?: FileListing,
): Promise<SkippedFile[]> {
  const listing = listed ?? (await listCorpusFiles(options));
  const helperAvailable = workerScript !== undefined && os.availableParallelism() > 1 && fs.existsSync(workerScript);
  if (!helperAvailable || listing.files.length < PARALLEL_MIN_FILES) {
    const { documents, skipped } = await loadListedFiles(listing, options);
    for (const doc of documents) onEntry(deriveEntry(doc));
    return skipped;
  }
  const files = listing.files.map((file) => ({ file, id: documentId(file, options.base) })).sort((a, b) => compare(a.id, b.id)).map((f) => f.file);
  const skipped = [...listing.skipped];
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += CHUNK_FILES) chunks.push(files.slice(i, i + CHUNK_FILES));
  const ready: Array<DocumentEntry[] | undefined> = new Array(chunks.length);
  let nextFree = 0;
  let queued = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const helper = new Worker(workerScript!, { workerData: { base: options.base } });
  const feed = () => {
    while (queued < HELPER_QUEUE && nextFree < chunks.length) {
      helper.postMessage({ chunk: nextFree, files: chunks[nextFree] } satisfies ExtractRequest);
      nextFree++;
      queued++;
    }
  };
  helper.on('message', (reply: ExtractReply) => {
    queued--;
    if ('error' in reply) failure ??= new Error(`Extracting sources failed: ${reply.error}`);
    else {
      ready[reply.chunk] = reply.entries.map(fromWire);
      skipped.push(...reply.skipped);
      feed();
    }
    wake?.();
  });
  helper.on('error', (error) => {
    failure ??= new Error(`The extraction worker crashed: ${error.message}`);
    wake?.();
  });
  const onAbort = () => wake?.();
  options.signal?.addEventListener('abort', onAbort);
  try {
    feed();
    let done = 0;
    for (let next = 0; next < chunks.length; ) {
      options.signal?.throwIfAborted();
      if (failure) throw failure;
      const entries = ready[next];
      if (entries) {
        ready[next] = undefined;
        entries.forEach(onEntry);
        done += chunks[next].length;
        options.onProgress?.(done, files.length);
        next++;
        // Lets the helper's replies in between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      } else if (nextFree < chunks.length) {
        const mine = nextFree++;
        const batch = await extractFiles(chunks[mine], options.base);
        ready[mine] = batch.entries;
        skipped.push(...batch.skipped);
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    void helper.terminate();
  }
  options.signal?.throwIfAborted();
  return skipped.sort((a, b) => compare(a.path, b.path));
}
