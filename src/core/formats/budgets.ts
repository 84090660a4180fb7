// What one source may cost, whatever its size on disk: a few KB of zip or PDF can unpack to GBs.
// Each limit is checked while unpacking or extracting, so an oversized file is refused before it
// is held in memory, with a reason the user can act on.
import { UnindexableSourceError } from '../corpus/unindexable';

const MB = 1024 * 1024;

/** Most text one source may give (the same 10 MB as the largest file read, after unpacking). */
export const MAX_EXTRACTED_TEXT_CHARS = 10 * MB;
/**
 * Most bytes a Word document's parts may unpack to. Word XML runs 3-10x the text it holds, so this
 * fits a document of a thousand pages, while mammoth, which needs about 40 bytes of memory per
 * byte of XML, stays under 1 GB; a zip bomb is stopped long before it fills memory.
 */
export const MAX_DOCX_UNPACKED_BYTES = 20 * MB;
/**
 * Most bytes a PDF's streams (images aside) may unpack to: pdf.js holds each decoded stream whole
 * and makes an object per text run, about 0.65 s of CPU per MB of content stream on a busy 2-core
 * machine (19.5 MB took 20 s, 10 MB 6.3 s), while a report of hundreds of pages unpacks to a few
 * MB. 10 MB, like the text limit, keeps any PDF within 10 s.
 */
export const MAX_PDF_UNPACKED_BYTES = 10 * MB;
/** Most pages read from one PDF: a long report has hundreds; each page costs a few ms (20,000 flat pages took minutes). */
export const MAX_PDF_PAGES = 2_000;

export function tooMuchUnpacked(what: string, limit: number): UnindexableSourceError {
  return new UnindexableSourceError(`${what} unpacks to more than ${limit / MB} MB (a compressed bomb, or a document far larger than any article): split it into smaller files`);
}

/** Counts extracted text as it is produced; throws as soon as it passes the limit. */
export class TextBudget {
  private used = 0;

  add(chars: number): void {
    this.used += chars;
    if (this.used > MAX_EXTRACTED_TEXT_CHARS) {
      throw new UnindexableSourceError(`more than ${MAX_EXTRACTED_TEXT_CHARS / MB} MB of text: split it into smaller files`);
    }
  }
}
