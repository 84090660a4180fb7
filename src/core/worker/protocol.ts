// Messages between the extension host and its worker threads (indexing, draft checking).
import type { LoadReport } from '../engineApi';
import type { OffsetRange, StatementResult } from '../types';

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

/** To the draft-checking worker: mirror the main engine's corpus, and check drafts against it. */
export type CheckRequest =
  | { type: 'load'; snapshot: Uint8Array }
  | { type: 'upsert'; path: string }
  | { type: 'remove'; path: string }
  | { type: 'check'; id: number; markdown: string; visible?: OffsetRange };

export type CheckReply =
  | { type: 'part'; id: number; results: StatementResult[] }
  | { type: 'done'; id: number; results: StatementResult[] | undefined }
  | { type: 'error'; id: number; message: string };
