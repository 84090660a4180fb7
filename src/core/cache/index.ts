export { CorpusCache, type CorpusCacheOptions } from './corpusCache';
export { DocumentStore } from './documentStore';
export { decodeCacheFile, encodeCacheFile, readCacheFile, sha256Hex, writeCacheFile, type CacheMiss, type CacheRead, type CacheStamp } from './cacheFile';
export { optionsHash } from './optionsHash';
