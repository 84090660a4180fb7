// Loads a corpus on a worker thread so the extension host never blocks while thousands of files
// are read and indexed. The caller gets the engine's snapshot and restores it, which is quick.
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { LoadReport } from '../engineApi';
import type { SourcedEngine } from '../engine';
import type { WorkerLoadRequest, WorkerReply } from './protocol';

export interface WorkerLoadOptions extends WorkerLoadRequest {
  /** The bundled worker script; defaults to indexWorker.js beside the running bundle (dist/). */
  workerScript?: string;
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the worker at once (even mid-computation) and rejects with the abort reason. */
  signal?: AbortSignal;
}

export interface IndexedCorpus {
  snapshot: Uint8Array;
  report: LoadReport;
}

function defaultWorkerScript(): string {
  return path.join(__dirname, 'indexWorker.js');
}

export function indexInWorker(options: WorkerLoadOptions): Promise<IndexedCorpus> {
  const { workerScript = defaultWorkerScript(), onProgress, signal, ...request } = options;
  return new Promise<IndexedCorpus>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const worker = new Worker(workerScript, { workerData: request satisfies WorkerLoadRequest });
    let settled = false;
    const finish = (outcome: () => void, stop: boolean) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      // After 'done' the worker is still writing the cache: let it finish, without holding the process open.
      if (stop) void worker.terminate();
      else worker.unref();
    };
    const onAbort = () => finish(() => reject(signal!.reason), true);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') onProgress?.(reply.done, reply.total);
      else if (reply.type === 'done') finish(() => resolve({ snapshot: reply.snapshot, report: reply.report }), false);
      else finish(() => reject(new Error(`Indexing failed: ${reply.message}`)), true);
    });
    worker.on('error', (error) => finish(() => reject(new Error(`The indexing worker crashed: ${error.message}`)), true));
    worker.on('exit', (code) => finish(() => reject(new Error(`The indexing worker stopped (exit code ${code}) before it finished.`)), true));
  });
}

/** Loads `engine`'s corpus on a worker thread, then restores the result into it. */
export async function loadCorpusInWorker(engine: SourcedEngine, options: WorkerLoadOptions): Promise<LoadReport> {
  const { snapshot, report } = await indexInWorker(options);
  engine.restoreSnapshot(snapshot);
  return report;
}
