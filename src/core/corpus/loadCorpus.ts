// Loads the sources under the corpus roots. Never writes anything; a file that cannot be
// indexed becomes a SkippedFile with a reason the user can act on, never an exception.
import { createHash } from 'node:crypto';
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import * as nodePath from 'node:path';
import type { CorpusLoadOptions } from '../engineApi';
import type { SkippedFile, SourceDocument } from '../types';
import { extensionOf, extractorFor, supportedExtensions } from '../formats/index';
import { globBase, globToRegExp, isGlob } from './glob';
import { UnindexableSourceError } from './unindexable';

/**
 * Largest source file read, in bytes. News articles are a few KB and a long report's text a
 * few MB; 10 MB keeps one stray dump or log from holding the whole index (text, passages and
 * search terms take roughly 10x the file size in memory) while fitting any real document.
 */
export const MAX_SOURCE_FILE_BYTES = 10 * 1024 * 1024;
/** Why a link out of the corpus folder is not followed. */
export const OUTSIDE_CORPUS = 'a link to a file or folder outside the corpus folder: not followed (a corpus is what lies under its folder; copy the file in to index it)';
/** Files read at the same time: enough to hide disk latency, few enough to bound memory. */
const READ_CONCURRENCY = 16;

export async function loadCorpus(options: CorpusLoadOptions): Promise<{ documents: SourceDocument[]; skipped: SkippedFile[] }> {
  return loadListedFiles(await listCorpusFiles(options), options);
}

/** Loads the files of a listing already made; the listing's skipped files come first in `skipped`. */
export async function loadListedFiles(listing: FileListing, options: CorpusLoadOptions): Promise<{ documents: SourceDocument[]; skipped: SkippedFile[] }> {
  const files = listing.files;
  const skipped = [...listing.skipped];
  const documents: SourceDocument[] = [];
  let done = 0;
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < files.length) {
      options.signal?.throwIfAborted();
      const file = files[nextIndex++];
      const result = await loadFile(file, options.base);
      if ('reason' in result) skipped.push(result);
      else documents.push(result);
      options.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  options.signal?.throwIfAborted();
  documents.sort((a, b) => compare(a.id, b.id));
  skipped.sort((a, b) => compare(a.path, b.path));
  return { documents, skipped };
}

/** Loads one file as a source document, or says why it was skipped. */
export async function loadFile(path: string, base: string): Promise<SourceDocument | SkippedFile> {
  const absolute = nodePath.resolve(base, path);
  const extractor = extractorFor(absolute);
  if (!extractor) {
    return skip(absolute, `unsupported file type "${extensionOf(absolute) || 'no extension'}": Sourced reads ${supportedExtensions().join(', ')}`);
  }
  try {
    const stat = await fs.stat(absolute);
    if (!stat.isFile()) return skip(absolute, 'not a regular file');
    if (stat.size === 0) return skip(absolute, 'empty file: nothing to index');
    if (stat.size > MAX_SOURCE_FILE_BYTES) {
      return skip(absolute, `too large (${megabytes(stat.size)} MB; the limit is ${megabytes(MAX_SOURCE_FILE_BYTES)} MB per file): split it into smaller files`);
    }
    const bytes = await fs.readFile(absolute);
    if (bytes.length === 0) return skip(absolute, 'empty file: nothing to index');
    const extracted = await extractor(bytes, absolute);
    if (!/[\p{L}\p{N}]/u.test(extracted.text)) return skip(absolute, 'no text to index (the file holds only whitespace or markup)');
    return {
      id: documentId(absolute, base),
      path: absolute,
      format: extracted.format,
      metadata: extracted.metadata,
      text: extracted.text,
      junk: extracted.junk ?? [],
      ...(extracted.pages ? { pages: extracted.pages } : {}),
      ...(extracted.turns ? { turns: extracted.turns } : {}),
      contentHash: createHash('sha256').update(bytes).digest('hex'),
    };
  } catch (error) {
    return skip(absolute, reasonFor(error));
  }
}

/** Document id: the path relative to `base`, with forward slashes. */
export function documentId(absolutePath: string, base: string): string {
  const relative = nodePath.relative(nodePath.resolve(base), absolutePath);
  const id = relative.startsWith('..') || nodePath.isAbsolute(relative) ? absolutePath : relative;
  return id.split(nodePath.sep).join('/');
}

function reasonFor(error: unknown): string {
  if (error instanceof UnindexableSourceError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'the file disappeared while Sourced was loading it';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied: make the file readable to index it';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'ELOOP') return 'symbolic link loop: fix or remove the link';
  const message = error instanceof Error ? error.message : String(error);
  return `could not be read (${message})`;
}

export interface FileListing {
  files: string[];
  skipped: SkippedFile[];
}

/** Every candidate file under the roots, absolute and de-duplicated, in a stable order. */
export async function listCorpusFiles(options: CorpusLoadOptions): Promise<FileListing> {
  // Real path -> where it is listed: a file reached twice (through a link) is indexed once, under
  // its own path rather than a link's.
  const files = new Map<string, { file: string; viaLink: boolean }>();
  const skipped: SkippedFile[] = [];
  const add = (file: string, real: string, viaLink = false) => {
    const listed = files.get(real);
    if (listed === undefined) files.set(real, { file, viaLink });
    else if (listed.file !== file) {
      const first = listed.viaLink !== viaLink ? !listed.viaLink : compare(listed.file, file) <= 0;
      const [kept, dropped] = first ? [listed.file, file] : [file, listed.file];
      if (!first) files.set(real, { file, viaLink });
      skipped.push({ path: dropped, reason: `the same file as ${kept} (reached through a link): indexed once` });
    }
  };
  for (const root of options.roots) {
    options.signal?.throwIfAborted();
    const pattern = root.split('\\').join('/');
    const absolutePattern = nodePath.isAbsolute(root) ? pattern : `${nodePath.resolve(options.base).split(nodePath.sep).join('/')}/${pattern}`;
    const before = files.size;
    if (isGlob(pattern)) {
      const start = globBase(absolutePattern);
      const matcher = globToRegExp(absolutePattern.replace(/\/+$/u, ''));
      await walkRoot(start, { signal: options.signal, skipped, onFile: (file, real, viaLink) => {
        if (matcher.test(file.split(nodePath.sep).join('/'))) add(file, real, viaLink);
      } });
      if (files.size === before) skipped.push({ path: root, reason: `no files match "${root}": check the corpus setting` });
      continue;
    }
    const absolute = nodePath.resolve(options.base, root);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) {
      skipped.push({ path: absolute, reason: `corpus folder not found: create "${root}" or point the corpus setting (--corpus) to your sources` });
      continue;
    }
    if (stat.isFile()) add(absolute, await fs.realpath(absolute));
    else await walkRoot(absolute, { signal: options.signal, skipped, onFile: add });
    if (files.size === before) {
      skipped.push({ path: absolute, reason: `no source files in "${root}": add ${supportedExtensions().join(', ')} files to it` });
    }
  }
  return { files: [...files.values()].map((f) => f.file).sort(compare), skipped };
}

interface WalkVisitor {
  signal?: AbortSignal;
  skipped: SkippedFile[];
  onFile: (path: string, real: string, viaLink: boolean) => void;
  /** Folders reached through a link, walked after every folder reached directly. */
  linkedFolders?: string[];
}

/**
 * Whether `file` (a changed file the watcher reports) really lies under one of the roots, so a link
 * added later cannot take a file from elsewhere on the machine into the corpus either.
 */
export async function corpusContains(file: string, options: Pick<CorpusLoadOptions, 'base' | 'roots'>): Promise<boolean> {
  const real = await fs.realpath(nodePath.resolve(options.base, file)).catch(() => undefined);
  if (real === undefined) return true; // gone or unreadable: loadFile says why
  for (const root of options.roots) {
    const absolute = nodePath.resolve(options.base, isGlob(root) ? globBase(root.split('\\').join('/')) : root);
    const realRoot = await fs.realpath(absolute).catch(() => undefined);
    if (realRoot !== undefined && isInside(real, realRoot)) return true;
  }
  return false;
}

/** Whether real path `path` is `folder` or lies under it. */
export function isInside(path: string, folder: string): boolean {
  const relative = nodePath.relative(folder, path);
  return relative === '' || (!relative.startsWith('..') && !nodePath.isAbsolute(relative));
}

/**
 * Walks a corpus folder. A link is followed only when its real target lies under the folder's real
 * path: a corpus is what lies under its root, so a link cannot disclose /etc/passwd or walk the disk.
 */
async function walkRoot(root: string, visitor: WalkVisitor): Promise<void> {
  const realRoot = await fs.realpath(root).catch(() => undefined);
  if (realRoot === undefined) return;
  // Linked folders wait until the real tree is walked, so a file is listed under its own path.
  const linkedFolders: string[] = [];
  const seen = new Set<string>();
  await walk(root, realRoot, false, seen, { ...visitor, linkedFolders });
  for (let folder = linkedFolders.shift(); folder !== undefined; folder = linkedFolders.shift()) {
    await walk(folder, realRoot, true, seen, { ...visitor, linkedFolders });
  }
}

/**
 * Walks a folder recursively; skips dot-folders and node_modules; visits each real folder once, so
 * link loops end. `viaLink`: the folder was reached through a link.
 */
async function walk(folder: string, realRoot: string, viaLink: boolean, seen: Set<string>, visitor: WalkVisitor): Promise<void> {
  visitor.signal?.throwIfAborted();
  const real = await fs.realpath(folder).catch(() => undefined);
  if (!real || seen.has(real)) return;
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    const denied = ['EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException)?.code ?? '');
    visitor.skipped.push({ path: folder, reason: denied ? 'folder not readable (permission denied): make it readable to index its files' : `folder could not be listed (${String(error)})` });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = nodePath.join(folder, entry.name);
    let realEntry = nodePath.join(real, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    const isLink = entry.isSymbolicLink();
    if (isLink) {
      const target = await linkTarget(full);
      if (typeof target === 'string') {
        visitor.skipped.push({ path: full, reason: target });
        continue;
      }
      if (!isInside(target.real, realRoot)) {
        visitor.skipped.push({ path: full, reason: OUTSIDE_CORPUS });
        continue;
      }
      realEntry = target.real;
      isDirectory = target.stat.isDirectory();
      isFile = target.stat.isFile();
    }
    if (isDirectory && isLink && visitor.linkedFolders) visitor.linkedFolders.push(full);
    else if (isDirectory) await walk(full, realRoot, viaLink || isLink, seen, visitor);
    else if (isFile) visitor.onFile(full, realEntry, viaLink || isLink);
    else visitor.skipped.push({ path: full, reason: 'not a regular file (a pipe, socket or device): Sourced reads only files' });
  }
}

/** A link's real target and its kind, or why it cannot be followed. */
async function linkTarget(link: string): Promise<{ real: string; stat: Stats } | string> {
  try {
    const real = await fs.realpath(link);
    return { real, stat: await fs.stat(real) };
  } catch (error) {
    const loop = (error as NodeJS.ErrnoException)?.code === 'ELOOP';
    return loop ? 'symbolic link loop: fix or remove the link' : 'broken link (its target does not exist): fix or remove the link';
  }
}

function skip(path: string, reason: string): SkippedFile {
  return { path, reason };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/u, '');
}

/** Code-unit order, the same on every machine and locale: document ids and paths sort by it. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
