// Plain-text and Markdown sources: decoded as they are, so offsets stay the file's, then
// cleaned by a list of steps that each blank what is not article prose and read metadata.
import type { SourceMetadata, SpeakerTurn } from '../types';
import type { CleanableText } from '../corpus/blank';
import { cleanArticle } from '../corpus/cleanArticle';
import { blankMarkdownSyntax } from '../corpus/markdownSyntax';
import { decodeText } from '../text/decode';
import type { ExtractedSource } from './index';
import { frontMatterStep, transcriptStep } from './textSteps';

/** A text source while its steps run. Steps blank with `blankJunk` so `junk` stays in step. */
export interface TextSourceDraft extends CleanableText {
  metadata: SourceMetadata;
  turns?: SpeakerTurn[];
}

export type TextStep = (source: TextSourceDraft) => void;

// Order matters: earlier steps win on metadata (front matter before guesses from the text).
const plainTextSteps: TextStep[] = [frontMatterStep, cleanArticle, transcriptStep];
const markdownSteps: TextStep[] = [frontMatterStep, blankMarkdownSyntax, cleanArticle, transcriptStep];

export async function extractPlainText(bytes: Buffer): Promise<ExtractedSource> {
  return { format: 'text', ...runSteps(decodeText(bytes), plainTextSteps) };
}

export async function extractMarkdown(bytes: Buffer): Promise<ExtractedSource> {
  return { format: 'markdown', ...runSteps(decodeText(bytes), markdownSteps) };
}

function runSteps(text: string, steps: TextStep[]): TextSourceDraft {
  const source: TextSourceDraft = { text, junk: [], metadata: {} };
  // Without a letter or digit there is nothing to clean (the file is skipped as holding no text);
  // parsing 3 MB of Markdown marks for nothing took a gigabyte.
  if (!/[\p{L}\p{N}]/u.test(text)) return source;
  for (const step of steps) step(source);
  return source;
}
