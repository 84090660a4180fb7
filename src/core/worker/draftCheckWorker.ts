// Checks drafts on a worker thread that mirrors an engine's corpus, so the extension host never
// blocks on a long draft. Each draft key has a generation: a newer check cancels the older one
// (the worker stops at its next statement) and an older result that still arrives is dropped.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OffsetRange, StatementResult } from '../types';
import type { CheckReply, CheckRequest } from './protocol';

/** Cancelled check ids, one cell per id modulo the ring's size. */
const CANCEL_RING = 1024;

interface PendingCheck {
  key: string;
  resolve: (results: StatementResult[] | undefined) => void;
  reject: (error: Error) => void;
  onPart?: (results: StatementResult[]) => void;
}

export class DraftCheckWorker {
  private worker: Worker | undefined;
  private broken = false;
  private readonly cancelled = new Int32Array(new SharedArrayBuffer(4 * CANCEL_RING));
  private nextId = 1;
  private readonly latest = new Map<string, number>();
  private readonly pending = new Map<number, PendingCheck>();

  /** `script` defaults to checkWorker.js beside the running bundle (dist/). */
  constructor(private readonly script = path.join(__dirname, 'checkWorker.js')) {}

  /** False when the worker could not start or crashed: the caller checks on its own thread. */
  get usable(): boolean {
    return !this.broken;
  }

  /** Replaces the worker's corpus with an engine snapshot (copied: the caller may still use its buffer). */
  load(snapshot: Uint8Array): void {
    const copy = snapshot.slice();
    this.send({ type: 'load', snapshot: copy }, [copy.buffer as ArrayBuffer]);
  }

  upsert(file: string): void {
    this.send({ type: 'upsert', path: file });
  }

  remove(file: string): void {
    this.send({ type: 'remove', path: file });
  }

  /** Resolves with the results, or undefined when a newer check of the same key superseded it. */
  check(key: string, markdown: string, visible?: OffsetRange, onPart?: (results: StatementResult[]) => void): Promise<StatementResult[] | undefined> {
    const id = this.nextId++;
    const older = this.latest.get(key);
    if (older !== undefined) Atomics.store(this.cancelled, older % CANCEL_RING, older);
    this.latest.set(key, id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { key, resolve, reject, onPart });
      this.send({ type: 'check', id, markdown, visible });
      this.worker?.ref();
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.failAll(new Error('The draft checker was stopped.'));
  }

  private send(request: CheckRequest, transfer: ArrayBuffer[] = []): void {
    if (this.broken) return;
    this.started().postMessage(request, transfer);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { cancel: this.cancelled.buffer } });
    // Idle, it must not keep the process alive (it is ref'd while a check is pending).
    worker.unref();
    worker.on('message', (reply: CheckReply) => this.onReply(reply));
    worker.on('error', (error) => this.fail(`The draft checker crashed: ${error.message}`));
    worker.on('exit', (code) => this.fail(`The draft checker stopped (exit code ${code}).`));
    this.worker = worker;
    return worker;
  }

  private onReply(reply: CheckReply): void {
    const check = this.pending.get(reply.id);
    if (!check) return;
    const current = this.latest.get(check.key) === reply.id;
    if (reply.type === 'part') {
      if (current) check.onPart?.(reply.results);
      return;
    }
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (current) this.latest.delete(check.key);
    if (reply.type === 'error') check.reject(new Error(`Checking the draft failed: ${reply.message}`));
    else check.resolve(current ? reply.results : undefined);
  }

  private fail(message: string): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.broken = true;
    this.failAll(new Error(message));
  }

  private failAll(error: Error): void {
    for (const check of this.pending.values()) check.reject(error);
    this.pending.clear();
    this.latest.clear();
  }
}
