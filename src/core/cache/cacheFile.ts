// One cache file: a small JSON header (format version, options hash, payload size and sha256)
// followed by the payload bytes. Anything that does not match exactly is reported, never trusted;
// writes go to a unique temp file that is renamed over the target, so a reader (another window,
// another process) sees the old file or the new one, never a half-written one.
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const MAGIC = Buffer.from('SOURCEDC', 'latin1');
const PREFIX_BYTES = MAGIC.length + 4;

export interface CacheStamp {
  /** What the file holds, e.g. "index"; a file of another kind is never read as this one. */
  kind: string;
  /** Bumped by the code whenever the payload's shape changes. */
  formatVersion: number;
  /** Hash of every option that changes the payload (see `optionsHash`). */
  optionsHash: string;
}

interface Header extends CacheStamp {
  payloadBytes: number;
  sha256: string;
}

export type CacheMiss = 'missing' | 'corrupt' | 'other-version' | 'other-options';

export type CacheRead = { ok: true; payload: Buffer } | { ok: false; miss: CacheMiss; detail: string };

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function encodeCacheFile(stamp: CacheStamp, payload: Buffer): Buffer {
  const header: Header = { ...stamp, payloadBytes: payload.length, sha256: sha256Hex(payload) };
  const json = JSON.stringify(header);
  // Padded so the payload starts 8-byte aligned and typed arrays in it load as views, not copies.
  const headerBytes = Buffer.from(json.padEnd(json.length + ((8 - ((PREFIX_BYTES + Buffer.byteLength(json)) % 8)) % 8)), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  return Buffer.concat([prefix, headerBytes, payload]);
}

/** Checks a whole file's bytes against the stamp the caller expects. */
export function decodeCacheFile(bytes: Buffer, expected: CacheStamp): CacheRead {
  if (bytes.length < PREFIX_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { ok: false, miss: 'corrupt', detail: 'not a Sourced cache file' };
  }
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const header = parseHeader(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength));
  if (!header) return { ok: false, miss: 'corrupt', detail: 'unreadable header' };
  if (header.kind !== expected.kind || header.formatVersion !== expected.formatVersion) {
    return { ok: false, miss: 'other-version', detail: `${header.kind} v${header.formatVersion}, expected ${expected.kind} v${expected.formatVersion}` };
  }
  if (header.optionsHash !== expected.optionsHash) return { ok: false, miss: 'other-options', detail: 'built with other options' };
  const payload = bytes.subarray(PREFIX_BYTES + headerLength);
  if (payload.length !== header.payloadBytes) {
    return { ok: false, miss: 'corrupt', detail: `truncated: ${payload.length} of ${header.payloadBytes} payload bytes` };
  }
  if (sha256Hex(payload) !== header.sha256) return { ok: false, miss: 'corrupt', detail: 'checksum mismatch' };
  return { ok: true, payload };
}

function parseHeader(bytes: Buffer): Header | undefined {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<Header>;
    const valid = typeof value.kind === 'string' && typeof value.formatVersion === 'number' && typeof value.optionsHash === 'string'
      && typeof value.payloadBytes === 'number' && typeof value.sha256 === 'string';
    return valid ? (value as Header) : undefined;
  } catch {
    return undefined;
  }
}

export async function readCacheFile(file: string, expected: CacheStamp): Promise<CacheRead> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, miss: code === 'ENOENT' ? 'missing' : 'corrupt', detail: code === 'ENOENT' ? 'no cache yet' : String(error) };
  }
  return decodeCacheFile(bytes, expected);
}

/** Writes atomically: a unique temp file in the same folder, then a rename over the target. */
export async function writeCacheFile(file: string, stamp: CacheStamp, payload: Buffer): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.promises.writeFile(temp, encodeCacheFile(stamp, payload));
    await renameWithRetry(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

// On Windows a rename over a file another process is reading fails briefly with EPERM/EBUSY.
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.promises.rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}
