import { SourcedEngine } from '../core/engine';
import type { Engine } from '../core/engineApi';

/** One engine per workspace folder: each folder has its own corpus. */
export function createEngine(): Engine {
  return new SourcedEngine();
}
