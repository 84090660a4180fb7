// PDF sources: text per page (lines and paragraphs rebuilt from positions), title and author.
import type { SourceMetadata } from '../types';
import { UnindexableSourceError } from '../corpus/unindexable';
import type { ExtractedSource } from './index';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { dropPageFurniture, layoutLines, LineBuilder, type PdfLineOfText } from './pdfLayout';
import { loadPdfjs } from './pdfjs';
import { MAX_PDF_PAGES, TextBudget } from './budgets';
import { checkUnpackedStreams } from './pdfStreams';

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfjs>>['getDocument']>['promise']>;

/** Between pages in the extracted text: a form feed on a line of its own. */
export const pageBreak = '\n\f\n';

/**
 * A line's text with the fi and fl ligatures spelled out where the PDF names them by the legacy
 * private-use code points U+F001 and U+F002. Liberation Serif and Sans (Times New Roman and Arial
 * on Linux) reach their fi and fl glyphs from those as well as from U+FB01 and U+FB02, and
 * Chromium's PDF writer (Skia) names the glyph U+F001 in the font's ToUnicode map, the letters
 * only in an /ActualText span, which pdf.js does not read (mozilla/pdf.js#12237): the words were
 * split at them ("\uF001nance of\uF001ce"). pdf.js itself spells out U+FB01 and U+FB02 (its text
 * normalization), so both names now give the same text. Spelled once the runs are joined into
 * lines (joining reads positions and spaces, not letters) and before the page's layout, which
 * reads a line's first and last letters.
 */
function withLigaturesSpelled(str: string): string {
  if (str.indexOf('\uF001') < 0 && str.indexOf('\uF002') < 0) return str;
  return str.replaceAll('\uF001', 'fi').replaceAll('\uF002', 'fl');
}

/** A page's lines; its text is counted against `budget` as it comes. */
async function pageLines(pdf: PdfDocument, pageNumber: number, budget: TextBudget): Promise<PdfLineOfText[]> {
  const page = await pdf.getPage(pageNumber);
  try {
    const lines = new LineBuilder();
    // The items as pdf.js streams them, in chunks: a page of 100,000 lines is not held twice
    // (getTextContent gathers the chunks into one array). Read, not iterated with for await: leaving
    // that loop on an error cancels the stream, after which the document's destroy() never settled
    // (pdfjs-dist 5.6); destroying the document ends the stream.
    const reader = (page.streamTextContent() as ReadableStream<TextContent>).getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      let chars = 0;
      for (const item of chunk.value.items) {
        if (!('str' in item)) continue;
        chars += item.str.length + 1;
        lines.add({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
      }
      budget.add(chars);
    }
    const found = lines.finish();
    // Per line, not per run: pdf-long-line's 1.2 million runs at 9.9 MB are one line.
    for (const line of found) line.text = withLigaturesSpelled(line.text);
    return found;
  } finally {
    page.cleanup();
  }
}

/** "D:20240502093000Z" -> "2024-05-02" (a PDF date keeps only the parts it has). */
function pdfDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  return match ? [match[1], match[2], match[3]].filter(Boolean).join('-') : undefined;
}

function infoText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

async function pdfMetadata(pdf: PdfDocument): Promise<SourceMetadata> {
  const { info, metadata } = await pdf.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const fields = info as Record<string, unknown>;
  const title = infoText(fields.Title) ?? infoText(metadata?.get('dc:title'));
  const author = infoText(fields.Author) ?? infoText(metadata?.get('dc:creator'));
  const date = pdfDate(fields.CreationDate);
  return { ...(title && { title }), ...(author && { author }), ...(date && { date }) };
}

function openError(error: unknown): Error {
  const name = (error as { name?: string })?.name;
  if (name === 'PasswordException') return new UnindexableSourceError('password-protected PDF: save a copy without a password to index it');
  const detail = error instanceof Error ? error.message : String(error);
  return new UnindexableSourceError(`not a readable PDF (${detail}): the file is damaged or is not a PDF; re-export or re-download it`);
}

export async function extractPdf(bytes: Buffer): Promise<ExtractedSource> {
  checkUnpackedStreams(bytes);
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  let pdf: PdfDocument;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    throw openError(error);
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new UnindexableSourceError(`${pdf.numPages} pages (the limit is ${MAX_PDF_PAGES}): split the PDF into smaller files`);
    }
    const budget = new TextBudget();
    const lines = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      lines.push(await pageLines(pdf, n, budget));
    }
    const pageTexts = dropPageFurniture(lines).map(layoutLines);
    if (pageTexts.every((text) => text.trim().length === 0)) {
      throw new UnindexableSourceError('scanned PDF with no text layer: run OCR first');
    }
    const pages: number[] = [];
    let text = '';
    pageTexts.forEach((pageText, i) => {
      if (i > 0) text += pageBreak;
      pages.push(text.length);
      text += pageText;
    });
    return { format: 'pdf', text, metadata: await pdfMetadata(pdf), pages };
  } finally {
    await task.destroy();
  }
}
