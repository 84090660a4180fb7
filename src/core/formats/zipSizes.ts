// Measures what a zip archive's entries unpack to, with zlib's own output limit, so a zip bomb is
// stopped while it unpacks. (JSZip's streams keep inflating after a pause: a 3.9 MB bomb went on
// to fill 2 GB after it was refused.)
import { constants, inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The total unpacked size of the entries `counted` accepts, or undefined when it passes `limit`.
 * Throws on an archive it cannot read (the caller's reader reports that in its own words).
 */
export function unpackedZipBytes(zip: Buffer, limit: number, counted: (name: string) => boolean): number | undefined {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_DIRECTORY) throw new Error('no zip directory');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error('damaged zip directory');
    const method = zip.readUInt16LE(at + 10);
    const packedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (!counted(name) || name.endsWith('/')) continue;
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('damaged zip entry');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(dataStart, dataStart + packedSize);
    // The sizes an archive declares can lie: the data is measured by unpacking it, never trusted.
    if (method === STORED) total += packed.length;
    else if (method === DEFLATED) {
      try {
        total += inflateRawSync(packed, { maxOutputLength: Math.max(1, limit - total + 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
        throw error;
      }
    }
    if (total > limit) return undefined;
  }
  return total;
}
