// Steps of the plain-text/Markdown extractor that read structure: front matter and speaker turns.
import { blankJunk } from '../corpus/blank';
import type { SpeakerTurn } from '../types';
import { parseFrontMatter } from './frontMatter';
import { addMissingMetadata } from './metadataValues';
import type { TextSourceDraft } from './text';
import { detectTurns } from './transcript';

/** Front matter fills metadata (before any guess from the text) and is blanked, so it is never a passage. */
export function frontMatterStep(source: TextSourceDraft): void {
  const { metadata, range } = parseFrontMatter(source.text);
  addMissingMetadata(source.metadata, metadata);
  if (range) blankJunk(source, [range]);
}

/** Transcripts: each "Speaker: words" line attributes its words. Runs on the cleaned text. */
export function transcriptStep(source: TextSourceDraft): void {
  const turns = detectTurns(source.text);
  if (turns.length === 0) return;
  source.turns = turns;
  // A headline guessed from the first line is speech when that line is a turn.
  const title = source.metadata.title;
  const lineOf = (turn: SpeakerTurn) => source.text.slice(source.text.lastIndexOf('\n', turn.start) + 1, turn.end);
  if (title && turns.some((turn) => lineOf(turn).includes(title))) delete source.metadata.title;
}
