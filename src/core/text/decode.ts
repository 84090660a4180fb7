// Turns a text file's bytes into a string, or says in words why it is not text.
import { UnindexableSourceError } from '../corpus/unindexable';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM. The BOM is dropped, as
 * editors do, so offsets in the result match what the user sees when opening the file.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (bytes.includes(0)) {
    throw new UnindexableSourceError('binary file (contains NUL bytes): not a text source; remove it from the corpus or convert it to .txt');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UnindexableSourceError('not valid UTF-8 text: re-save the file as UTF-8 (for example with your editor\'s "Save with Encoding")');
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new UnindexableSourceError(`not valid ${encoding.toUpperCase()} text despite its byte order mark: re-save the file as UTF-8`);
  }
}
