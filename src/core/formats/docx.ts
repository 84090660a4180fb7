// Word documents: paragraphs in order (mammoth), title and author from docProps/core.xml.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { SourceMetadata } from '../types';
import { UnindexableSourceError } from '../corpus/unindexable';
import { MAX_DOCX_UNPACKED_BYTES, TextBudget, tooMuchUnpacked } from './budgets';
import type { ExtractedSource } from './index';
import { dateAsWritten } from './metadataValues';
import { decodeXmlText, xmlField } from './xmlText';
import { unpackedZipBytes } from './zipSizes';

/** Title, author and creation date from the package's core properties, when it has them. */
async function coreProperties(bytes: Buffer): Promise<SourceMetadata> {
  const zip = await JSZip.loadAsync(bytes);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (!core) return {};
  const title = xmlField(core, 'title');
  const author = xmlField(core, 'creator');
  const date = dateAsWritten(xmlField(core, 'created'));
  return { ...(title && { title }), ...(author && { author }), ...(date && { date }) };
}

function unreadable(error: unknown): UnindexableSourceError {
  const detail = error instanceof Error ? error.message : String(error);
  return new UnindexableSourceError(`not a readable Word document (${detail}): the file is damaged or is not a .docx; save old .doc files as .docx first`);
}

/**
 * Unpacked parts past which a document's text is read without mammoth, which builds a tree of the
 * whole XML: about 0.8 s of CPU and 100 MB of memory per MB of it (a 0.1 MB file of one-word runs
 * unpacking to 19 MB of XML took over 30 s and 1.6 GB). A long report's parts come to a few MB.
 */
export const MAMMOTH_MAX_UNPACKED_BYTES = 5 * 1024 * 1024;

/** In the main part's XML: a run's text, a tab, a paragraph's end. Deleted text, field codes and line breaks (as mammoth's raw text, which drops them) are other elements. */
const RUN_PIECE = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<\/w:p>/gu;

/**
 * The text of a large document, read from its main part in one pass: each paragraph's runs in
 * order, tabs kept, paragraphs separated by a blank line, as mammoth's raw text gives them.
 */
async function plainDocumentText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const relations = (await zip.file('_rels/.rels')?.async('string')) ?? '';
  const target = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/u.exec(relations)?.[1] ?? /<Relationship\b[^>]*Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/u.exec(relations)?.[1] ?? 'word/document.xml';
  const xml = await zip.file(target)?.async('string');
  if (xml === undefined) throw new Error(`the main part ${target} is missing`);
  const paragraphs: string[] = [];
  let current = '';
  for (const piece of xml.matchAll(RUN_PIECE)) {
    if (piece[1] !== undefined) current += decodeXmlText(piece[1]);
    else if (piece[0] === '<w:tab/>') current += '\t';
    else {
      paragraphs.push(current);
      current = '';
    }
  }
  paragraphs.push(current);
  return paragraphs.join('\n\n');
}

/** mammoth separates paragraphs with a blank line; keep exactly one and trim trailing spaces. */
function paragraphs(raw: string): string {
  return raw
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/[ \t]+$/gm, '').trim())
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

export async function extractDocx(bytes: Buffer): Promise<ExtractedSource> {
  let raw: string;
  let metadata: SourceMetadata;
  let unpacked: number | undefined;
  try {
    // Every part but the media (text extraction never reads images).
    unpacked = unpackedZipBytes(bytes, MAX_DOCX_UNPACKED_BYTES, (name) => !name.startsWith('word/media/'));
  } catch (error) {
    throw unreadable(error);
  }
  if (unpacked === undefined) throw tooMuchUnpacked('this Word document', MAX_DOCX_UNPACKED_BYTES);
  try {
    raw = unpacked > MAMMOTH_MAX_UNPACKED_BYTES ? await plainDocumentText(bytes) : (await mammoth.extractRawText({ buffer: bytes })).value;
    metadata = await coreProperties(bytes);
  } catch (error) {
    throw unreadable(error);
  }
  new TextBudget().add(raw.length);
  const text = paragraphs(raw);
  if (!text) throw new UnindexableSourceError('this Word document has no text');
  return { format: 'docx', text, metadata };
}
