// The extraction helper's entry point (bundled to dist/extractWorker.js): reads and extracts the
// batches of files the loading thread sends (see parallelLoad) and posts back plain data.
import { parentPort, workerData } from 'worker_threads';
import { extractFiles, toWire } from './extractFiles';
import type { ExtractReply, ExtractRequest } from './parallelLoad';

const port = parentPort;
if (!port) throw new Error('extractWorker.js must be started as a worker thread (see parallelLoad).');
const { base } = workerData as { base: string };

port.on('message', async ({ chunk, files }: ExtractRequest) => {
  try {
    const { entries, skipped } = await extractFiles(files, base);
    const wire = entries.map(toWire);
    const reply: ExtractReply = { chunk, entries: wire, skipped };
    port.postMessage(reply, wire.flatMap((e) => (e.offsets ? [e.offsets.buffer as ArrayBuffer] : [])));
  } catch (error) {
    port.postMessage({ chunk, error: error instanceof Error ? error.message : String(error) } satisfies ExtractReply);
  }
});
