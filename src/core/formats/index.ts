// Which file formats Sourced can index, and the extractor that turns each one into text.
import type { OffsetRange, SourceFormat, SourceMetadata, SpeakerTurn } from '../types';
import { richFormats } from './richFormats';
import { extractMarkdown, extractPlainText } from './text';

/** What an extractor makes of one file's bytes. Offsets are into `text`. */
export interface ExtractedSource {
  format: SourceFormat;
  text: string;
  metadata: SourceMetadata;
  junk?: OffsetRange[];
  pages?: number[];
  turns?: SpeakerTurn[];
}

export type Extractor = (bytes: Buffer, path: string) => Promise<ExtractedSource>;

const extractors = new Map<string, Extractor>();

/** Registers an extractor for file extensions given with their dot, e.g. ['.html', '.htm']. */
function registerFormat(extensions: string[], extractor: Extractor): void {
  for (const extension of extensions) extractors.set(extension.toLowerCase(), extractor);
}

registerFormat(['.txt', '.text'], extractPlainText);
registerFormat(['.md', '.markdown'], extractMarkdown);
for (const [extensions, extractor] of richFormats) registerFormat(extensions, extractor);

/** The file's extension, lower-cased and with its dot ('' when it has none). */
export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function extractorFor(path: string): Extractor | undefined {
  return extractors.get(extensionOf(path));
}

export function supportedExtensions(): string[] {
  return [...extractors.keys()].sort();
}
