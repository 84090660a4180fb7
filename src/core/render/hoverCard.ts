import { pageLabel } from '../formats/pages';
import type { PassageHit, SourceDocument, StatementResult } from '../types';
import { emphasizeMarkdown } from './highlight';
import { escapeMarkdown, truncate } from './markdownEscape';
import { sourceLabelParts } from './sourceLabel';
import { VERDICT_LABELS } from './verdictLabels';
import { quoteDiffMarkdown } from './wordDiff';

export interface HoverCardInput {
  result: StatementResult;
  /** The draft's text, to read the quoted words a misquote diff is made from. */
  draft: string;
  documents: ReadonlyMap<string, SourceDocument>;
  /** A trusted `command:` link that opens the hit's source at its passage. */
  openLink: (hit: PassageHit) => string;
  /** Set when the hover sits on a quote found word for word in a source. */
  verbatimQuote?: { speaker?: string; docId: string };
  maxPassages?: number;
}

const PASSAGE_CHARS = 400;

function passageBlock(hit: PassageHit, input: HoverCardInput): string {
  const doc = input.documents.get(hit.passage.docId);
  const { title, byline } = sourceLabelParts(doc, hit.passage.docId);
  const text = emphasizeMarkdown(truncate(hit.passage.text, PASSAGE_CHARS), hit.matchedTerms);
  const page = doc && pageLabel(doc, hit.passage.start);
  const meta = [`*${escapeMarkdown(title)}*`, byline ? escapeMarkdown(byline) : '', page ?? '', `[Open source](${input.openLink(hit)})`]
    .filter(Boolean)
    .join(' — ');
  return `> ${text}\n\n${meta}`;
}

/** Source wording for a misquote: the fix's replacement when the core offers one. */
function misquoteDiff(input: HoverCardInput): string | undefined {
  const { result, draft } = input;
  if (result.verdict !== 'misquote' || !result.fix || !result.focus) return undefined;
  // Marks and trailing commas are punctuation around the quote, not words that differ.
  const bare = (text: string) => text.replace(/^["“”„]+|[\s"“”„,;:]+$/g, '');
  const drafted = bare(draft.slice(result.focus.start, result.focus.end));
  const source = bare(result.fix.replacement);
  return `**Source wording** (bold: words you changed or left out; struck: your words):\n\n> ${quoteDiffMarkdown(source, drafted)}`;
}

/** The Markdown of a hover card; every piece of source or draft text in it is escaped. */
export function buildHoverCard(input: HoverCardInput): string {
  const { result } = input;
  const parts = [`**Sourced** · ${VERDICT_LABELS[result.verdict]}`];
  // A supported statement's passages speak for themselves; problems need their message.
  if (result.message && result.verdict !== 'supported') parts.push(escapeMarkdown(result.message));
  if (input.verbatimQuote) {
    const doc = input.documents.get(input.verbatimQuote.docId);
    const who = input.verbatimQuote.speaker ? ` from ${escapeMarkdown(input.verbatimQuote.speaker)}` : '';
    parts.push(`Quote is verbatim${who} in *${escapeMarkdown(sourceLabelParts(doc, input.verbatimQuote.docId).title)}*.`);
  }
  const diff = misquoteDiff(input);
  if (diff) parts.push(diff);
  const hits = result.sources.slice(0, input.maxPassages ?? 3);
  if (hits.length > 0) parts.push('---', ...hits.map((hit) => passageBlock(hit, input)));
  return parts.join('\n\n');
}
