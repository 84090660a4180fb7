// The cache one corpus uses: named entries (per-document extraction results, the serialized
// index) in one folder, stamped with a format version and a hash of the options that shaped
// them. Several corpora (workspace folders, CLI runs with other --corpus) can share a folder.
import * as path from 'path';
import { readCacheFile, sha256Hex, writeCacheFile, type CacheMiss, type CacheStamp } from './cacheFile';
import { optionsHash } from './optionsHash';

export interface CorpusCacheOptions {
  /** Folder for the cache files: the extension's storage folder, or the CLI's --cache DIR. */
  dir: string;
  /** What identifies the corpus, e.g. its base folder and roots; files of other corpora are left alone. */
  corpusKey: string;
  /** Bump when the shape of what the engine stores changes. */
  formatVersion: number;
  /** Every option that changes extraction or indexing results (stemmer, stop words, passage size...). */
  options: unknown;
  /** Told why an entry could not be used, so the caller can log it (e.g. "index: checksum mismatch"). */
  onMiss?: (entry: string, miss: CacheMiss, detail: string) => void;
}

export class CorpusCache {
  private readonly prefix: string;
  private readonly optionsHash: string;

  constructor(private readonly options: CorpusCacheOptions) {
    this.prefix = sha256Hex(options.corpusKey).slice(0, 12);
    this.optionsHash = optionsHash(options.options);
  }

  get dir(): string {
    return this.options.dir;
  }

  /** The file that holds an entry. */
  fileFor(entry: string): string {
    return path.join(this.options.dir, `sourced-${this.prefix}-${entry}.cache`);
  }

  /** The entry's bytes, or undefined (after telling onMiss why) when missing or unusable. */
  async loadBytes(entry: string): Promise<Buffer | undefined> {
    const read = await readCacheFile(this.fileFor(entry), this.stamp(entry));
    if (read.ok) return read.payload;
    this.options.onMiss?.(entry, read.miss, read.detail);
    return undefined;
  }

  saveBytes(entry: string, payload: Buffer): Promise<void> {
    return writeCacheFile(this.fileFor(entry), this.stamp(entry), payload);
  }

  async loadJson<T>(entry: string): Promise<T | undefined> {
    const bytes = await this.loadBytes(entry);
    return bytes && (JSON.parse(bytes.toString('utf8')) as T);
  }

  saveJson(entry: string, value: unknown): Promise<void> {
    return this.saveBytes(entry, Buffer.from(JSON.stringify(value), 'utf8'));
  }

  private stamp(entry: string): CacheStamp {
    return { kind: entry, formatVersion: this.options.formatVersion, optionsHash: this.optionsHash };
  }
}
