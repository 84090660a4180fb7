// The indexing worker's entry point (bundled to dist/indexWorker.js): loads the corpus with the
// engine's cache, then hands the engine's snapshot back as a transferred buffer (no copy).
import { parentPort, workerData } from 'worker_threads';
import { SourcedEngine } from '../engine';
import type { WorkerLoadRequest, WorkerReply } from './protocol';

/** Progress is posted at most this often, so messages never crowd the extension host. */
const PROGRESS_INTERVAL_MS = 100;

async function run(request: WorkerLoadRequest): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('indexWorker.js must be started as a worker thread (use indexInWorker).');
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  let lastProgress = 0;
  try {
    const engine = new SourcedEngine({ cacheDir: request.cacheDir });
    const report = await engine.loadCorpus({
      base: request.base,
      roots: request.roots,
      onProgress: (done, total) => {
        const time = Date.now();
        if (done < total && time - lastProgress < PROGRESS_INTERVAL_MS) return;
        lastProgress = time;
        post({ type: 'progress', done, total });
      },
    });
    const snapshot = engine.snapshot();
    post({ type: 'done', snapshot, report }, [snapshot.buffer as ArrayBuffer]);
    // The worker lives on until the refreshed cache is written, then ends by itself.
    await engine.cacheSaved();
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

void run(workerData as WorkerLoadRequest);
