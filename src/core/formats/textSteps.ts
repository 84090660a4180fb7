// Steps of the plain-text/Markdown extractor that read structure: front matter and speaker turns.
import { blankJunk } from '../corpus/blank';
import { parseFrontMatter } from './frontMatter';
import type { TextSourceDraft } from './text';
import { detectTurns } from './transcript';

/** Front matter fills metadata (before any guess from the text) and is blanked, so it is never a passage. */
export function frontMatterStep(source: TextSourceDraft): void {
  const { metadata, range } = parseFrontMatter(source.text);
  for (const [field, value] of Object.entries(metadata) as [keyof typeof metadata, string][]) {
    source.metadata[field] ??= value;
  }
  if (range) blankJunk(source, [range]);
}

/** Transcripts: each "Speaker: words" line attributes its words. Runs on the cleaned text. */
export function transcriptStep(source: TextSourceDraft): void {
  const turns = detectTurns(source.text);
  if (turns.length > 0) source.turns = turns;
}
