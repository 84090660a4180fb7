import { WorkerLoadedEngine } from '../core/worker/workerLoadedEngine';
import type { Engine } from '../core/engineApi';

/**
 * One engine per workspace folder: each folder has its own corpus, and its own index cache.
 * Full loads run on a worker thread, so the extension host never blocks while a corpus loads.
 */
export function createEngine(cacheDir: string | undefined): Engine {
  return new WorkerLoadedEngine({ cacheDir });
}
