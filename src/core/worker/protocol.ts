// Messages between the extension host and the indexing worker.
import type { LoadReport } from '../engineApi';

/** What the worker needs to load a corpus: plain data, since it crosses a thread boundary. */
export interface WorkerLoadRequest {
  base: string;
  roots: string[];
  /** The engine's cache folder; the worker reads and refreshes the cache there. */
  cacheDir?: string;
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; snapshot: Uint8Array; report: LoadReport }
  | { type: 'error'; message: string };
