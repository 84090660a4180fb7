import { SourcedEngine } from '../core/engine';
import type { Engine } from '../core/engineApi';

/** One engine per workspace folder: each folder has its own corpus, and its own index cache. */
export function createEngine(cacheDir: string | undefined): Engine {
  return new SourcedEngine({ cacheDir });
}
