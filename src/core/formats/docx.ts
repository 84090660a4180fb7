// Word documents: paragraphs in order (mammoth), title and author from docProps/core.xml.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { SourceMetadata } from '../types';
import { UnindexableSourceError } from '../corpus/unindexable';
import { MAX_DOCX_UNPACKED_BYTES, TextBudget, tooMuchUnpacked } from './budgets';
import type { ExtractedSource } from './index';
import { dateAsWritten } from './metadataValues';
import { xmlField } from './xmlText';
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
    raw = (await mammoth.extractRawText({ buffer: bytes })).value;
    metadata = await coreProperties(bytes);
  } catch (error) {
    throw unreadable(error);
  }
  new TextBudget().add(raw.length);
  const text = paragraphs(raw);
  if (!text) throw new UnindexableSourceError('this Word document has no text');
  return { format: 'docx', text, metadata };
}
