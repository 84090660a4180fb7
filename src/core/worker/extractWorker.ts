// The extraction helper's entry point (bundled to dist/extractWorker.js): reads and extracts the
// batches of files the loading thread sends (see parallelLoad) and posts back plain data, file by file.
import { parentPort } from 'worker_threads';
import { extractFiles, toWire } from './extractFiles';
import { toDocumentRow } from '../archive/documentRow';
import type { ExtractReply, ExtractRequest } from './parallelLoad';

const port = parentPort;
if (!port) throw new Error('extractWorker.js must be started as a worker thread (see parallelLoad).');

port.on('message', async ({ chunk, files, base, output }: ExtractRequest) => {
  try {
    // One reply per file, as soon as it is done: the loading thread times each file from the previous reply.
    for (const file of files) {
      const { entries, skipped } = await extractFiles([file], base);
      if (output === 'archive-row') {
        port.postMessage({ chunk, row: entries.length ? toDocumentRow(entries[0]) : undefined, skipped: skipped[0] } satisfies ExtractReply);
        continue;
      }
      const entry = entries.length ? toWire(entries[0]) : undefined;
      const transfer = [entry?.offsets?.buffer, entry?.quoteColumns?.offsets.buffer, entry?.quoteColumns?.kinds.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
      port.postMessage({ chunk, entry, skipped: skipped[0] } satisfies ExtractReply, transfer);
    }
  } catch (error) {
    port.postMessage({ chunk, error: error instanceof Error ? error.message : String(error) } satisfies ExtractReply);
  }
});
