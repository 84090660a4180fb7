// Loads a corpus through the persistent cache. A warm start restores the saved engine state,
// then re-reads only the files whose size, modification time or permissions changed; a re-read file whose
// content hash is unchanged keeps its saved extraction. A missing, corrupt, other-version or
// other-code cache is reported (onMiss) and rebuilt from the files, never trusted.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as nodePath from 'path';
import { listCorpusFiles, type FileListing } from '../corpus/loadCorpus';
import type { DocumentEntry } from '../documentEntry';
import type { CorpusLoadOptions, LoadReport } from '../engineApi';
import type { SkippedFile, SourceDocument } from '../types';
import { CorpusCache } from './corpusCache';
import type { CacheMiss } from './cacheFile';
import { decodeEngineState, encodeEngineState, ENGINE_STATE_VERSION, type EngineState, type FileStamp } from './engineState';

/** What the cached load needs from the engine. */
export interface CacheableEngine {
  loadFresh(options: CorpusLoadOptions, listing?: FileListing): Promise<LoadReport>;
  exportState(): EngineState;
  importState(state: EngineState): void;
  addEntry(doc: SourceDocument, derive: () => DocumentEntry): SkippedFile | undefined;
  extractEntries(options: CorpusLoadOptions, listing: FileListing | undefined, onEntry: (entry: DocumentEntry) => void): Promise<SkippedFile[]>;
  removeFile(path: string): void;
  readonly documents: ReadonlyMap<string, SourceDocument>;
  readonly passageCount: number;
}

const ENTRY = 'engine';
const STAT_CONCURRENCY = 32;

export interface CachedLoad {
  report: LoadReport;
  /** Settles when the refreshed cache is on disk: the write happens after the load, off its critical path. */
  saved: Promise<void>;
}

export async function loadCorpusWithCache(
  engine: CacheableEngine,
  cacheDir: string,
  options: CorpusLoadOptions,
  onMiss?: (entry: string, miss: CacheMiss, detail: string) => void,
): Promise<CachedLoad> {
  const cache = new CorpusCache({ dir: cacheDir, corpusKey: corpusKey(options), formatVersion: ENGINE_STATE_VERSION, options: { code: codeFingerprint() }, onMiss });
  const [bytes, listing] = await Promise.all([cache.loadBytes(ENTRY), listCorpusFiles(options)]);
  // Stamps are taken before any file is read: a file changed after this is seen as changed next time.
  const stamps = await stampFiles(listing.files, options.signal);
  const saved = bytes && decodeOrReport(bytes, onMiss);
  if (!saved) {
    const report = await engine.loadFresh(options, listing);
    return { report, saved: saveSoon(cache, engine, stamps, report.skipped) };
  }
  engine.importState(saved);
  const skipped = [...listing.skipped];
  const current = new Set(listing.files);
  let changes = 0;
  for (const { doc } of saved.documents) {
    if (current.has(doc.path)) continue;
    engine.removeFile(doc.path);
    changes++;
  }
  const savedHashes = new Map(saved.documents.map(({ doc }) => [doc.path, doc.contentHash]));
  let done = 0;
  const changed: string[] = [];
  for (const file of listing.files) {
    options.signal?.throwIfAborted();
    options.onProgress?.(++done, listing.files.length);
    const before = saved.stamps?.[file];
    const now = stamps[file];
    if (before && now && before.size === now.size && before.mtimeMs === now.mtimeMs && before.mode === now.mode) {
      if (before.skipped) skipped.push({ path: file, reason: before.skipped });
      continue;
    }
    changes++;
    changed.push(file);
  }
  // Changed files are read like a cold load's, in the extraction helper with its budgets.
  const unreadable = await engine.extractEntries({ ...options, onProgress: undefined }, { files: changed, skipped: [] }, (entry) => {
    if (savedHashes.get(entry.doc.path) === entry.doc.contentHash) return;
    const copy = engine.addEntry(entry.doc, () => entry);
    if (copy) skipped.push(copy);
  });
  for (const file of unreadable) {
    engine.removeFile(file.path);
    skipped.push(file);
  }
  const report = { documents: engine.documents.size, passages: engine.passageCount, skipped };
  return { report, saved: changes > 0 ? saveSoon(cache, engine, stamps, skipped) : Promise.resolve() };
}

function decodeOrReport(bytes: Buffer, onMiss: ((entry: string, miss: CacheMiss, detail: string) => void) | undefined): EngineState | undefined {
  try {
    return decodeEngineState(bytes);
  } catch (error) {
    onMiss?.(ENTRY, 'corrupt', `unreadable engine state (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/** Saves on a later turn of the event loop, so the caller can answer queries first. */
async function saveSoon(cache: CorpusCache, engine: CacheableEngine, stamps: Record<string, FileStamp>, skipped: readonly SkippedFile[]): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await save(cache, engine, stamps, skipped);
}

async function save(cache: CorpusCache, engine: CacheableEngine, stamps: Record<string, FileStamp>, skipped: readonly SkippedFile[]): Promise<void> {
  const reasons = new Map(skipped.map((s) => [s.path, s.reason]));
  // A copy is read again next time: it is indexed itself once its original is gone.
  const copies = new Set(skipped.filter((s) => s.copyOf !== undefined).map((s) => s.path));
  const withReasons: Record<string, FileStamp> = {};
  for (const [file, stamp] of Object.entries(stamps)) {
    if (!copies.has(file)) withReasons[file] = reasons.has(file) ? { ...stamp, skipped: reasons.get(file) } : stamp;
  }
  const state = { ...engine.exportState(), stamps: withReasons };
  const bytes = encodeEngineState(state);
  await cache.saveBytes(ENTRY, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

async function stampFiles(files: readonly string[], signal: AbortSignal | undefined): Promise<Record<string, FileStamp>> {
  const stamps: Record<string, FileStamp> = {};
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      signal?.throwIfAborted();
      const file = files[next++];
      const stat = await fs.promises.stat(file).catch(() => undefined);
      if (stat) stamps[file] = { size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode };
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, files.length) }, worker));
  return stamps;
}

/** One cache file per corpus: the same roots seen from the same base folder. */
function corpusKey(options: CorpusLoadOptions): string {
  return JSON.stringify({ base: nodePath.resolve(options.base), roots: options.roots });
}

let fingerprint: string | undefined;

/** Any change to Sourced's code may change what it extracts, so the running bundle's hash is an option. */
function codeFingerprint(): string {
  if (fingerprint === undefined) {
    try {
      fingerprint = createHash('sha256').update(fs.readFileSync(__filename)).digest('hex').slice(0, 16);
    } catch {
      fingerprint = 'unknown';
    }
  }
  return fingerprint;
}
