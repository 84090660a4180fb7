// Measures what a PDF's compressed streams unpack to before pdf.js decodes them (pdf.js inflates
// a whole stream into memory with no limit: a 0.6 MB file held a 200 MB content stream).
import { constants, inflateSync } from 'node:zlib';
import { MAX_PDF_UNPACKED_BYTES, tooMuchUnpacked } from './budgets';

/** How far back from `stream` the object's dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;
const STREAM_START = /\bstream(?:\r\n|\n|\r)/g;

/**
 * Throws when the PDF's Flate streams (images aside: text extraction never decodes them) unpack
 * to more than MAX_PDF_UNPACKED_BYTES in all. Each is inflated with what is left of the budget as
 * its output limit, so a bomb is stopped while it unpacks. Linear in the file's size.
 */
export function checkUnpackedStreams(bytes: Uint8Array): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let left = MAX_PDF_UNPACKED_BYTES;
  STREAM_START.lastIndex = 0;
  for (let m = STREAM_START.exec(text); m; m = STREAM_START.exec(text)) {
    const dataStart = m.index + m[0].length;
    const dataEnd = text.indexOf('endstream', dataStart);
    if (dataEnd === -1) break;
    STREAM_START.lastIndex = dataEnd + 'endstream'.length;
    const head = text.slice(Math.max(0, m.index - DICTIONARY_WINDOW), m.index);
    const dictionary = head.slice(head.lastIndexOf('obj') + 1);
    if (!/\/FlateDecode\b/.test(dictionary) || /\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    left -= unpackedSize(bytes.subarray(dataStart, dataEnd), left);
  }
}

/** The stream's unpacked size (0 when it is damaged: pdf.js reports that itself); throws past `limit`. */
function unpackedSize(data: Uint8Array, limit: number): number {
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, limit), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooMuchUnpacked('this PDF', MAX_PDF_UNPACKED_BYTES);
    return 0;
  }
}
