// The cleaning step shared by plain-text and Markdown sources: metadata lines and web junk.
import { blankJunk } from './blank';
import { findJunk } from './clean';
import { addMissingMetadata } from '../formats/metadataValues';
import { readMetadata } from './metadata';
import { TextLines } from './lines';
import { isTranscript } from '../formats/transcript';
import type { TextSourceDraft } from '../formats/text';

/** Fills metadata fields not set by an earlier step, and blanks metadata lines and web junk. */
export function cleanArticle(source: TextSourceDraft): void {
  const text = source.text;
  // Both readers go over the same lines and may ask whether the text is a transcript: each is worked out once.
  const lines = new TextLines(text);
  let transcript: boolean | undefined;
  const isTranscriptText = () => (transcript ??= isTranscript(text));
  const metadata = readMetadata(text, lines, isTranscriptText);
  addMissingMetadata(source.metadata, metadata.metadata);
  blankJunk(source, [...metadata.lines, ...findJunk(text, lines, isTranscriptText)]);
}
