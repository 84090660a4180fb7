// The cleaning step shared by plain-text and Markdown sources: metadata lines and web junk.
import { blankJunk } from './blank';
import { findJunk } from './clean';
import { addMissingMetadata } from '../formats/metadataValues';
import { readMetadata } from './metadata';
import type { TextSourceDraft } from '../formats/text';

/** Fills metadata fields not set by an earlier step, and blanks metadata lines and web junk. */
export function cleanArticle(source: TextSourceDraft): void {
  const { metadata, lines } = readMetadata(source.text);
  addMissingMetadata(source.metadata, metadata);
  blankJunk(source, [...lines, ...findJunk(source.text)]);
}
