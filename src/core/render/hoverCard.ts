import { pageLabel } from '../formats/pages';
import type { PassageHit, SourceDocument, StatementResult } from '../types';
import { emphasizeMarkdown, excerptAround } from './highlight';
import { escapeMarkdown } from './markdownEscape';
import { explanationMarkdown } from './explanation';
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
  /** VS Code shows the problem's message right above the card (the hover is on the flagged words): the card does not repeat it. */
  problemShown?: boolean;
  maxPassages?: number;
}

/** A passage's excerpt: short enough that two fit the hover's default size, even with the Problems panel open. */
const PASSAGE_CHARS = 260;
// Every sentence the verdict used: up to three of one source, a fact and the age or title given elsewhere.
export const MAX_PASSAGES = 3;

/**
 * One part of the card, or undefined when it has nothing to add. The card is these parts in
 * order, so a new kind of evidence is one function added to CARD_SECTIONS.
 */
type CardSection = (input: HoverCardInput) => string | undefined;

function heading(input: HoverCardInput): string | undefined {
  // Under the Problems message the verdict is already said: the card is its evidence, and a
  // misquote's source wording heads it itself (one line less in a hover that must not scroll).
  if (input.problemShown) return misquoteDiff(input) ? undefined : '**Sourced** · the evidence';
  return `**Sourced** · ${VERDICT_LABELS[input.result.verdict]}`;
}

function message({ result, problemShown }: HoverCardInput): string | undefined {
  // A supported statement's passages speak for themselves; a problem's message is shown once.
  if (!result.message || result.verdict === 'supported' || problemShown) return undefined;
  return escapeMarkdown(result.message);
}

function verbatimNote({ verbatimQuote, documents }: HoverCardInput): string | undefined {
  if (!verbatimQuote) return undefined;
  const doc = documents.get(verbatimQuote.docId);
  const who = verbatimQuote.speaker ? ` from ${escapeMarkdown(verbatimQuote.speaker)}` : '';
  return `Quote is verbatim${who} in *${escapeMarkdown(sourceLabelParts(doc, verbatimQuote.docId).title)}*.`;
}

/** Source wording for a misquote: the fix's replacement when the core offers one. */
function misquoteDiff(input: HoverCardInput): string | undefined {
  const { result, draft } = input;
  if (result.verdict !== 'misquote' || !result.fix || !result.focus) return undefined;
  // Marks and trailing commas are punctuation around the quote, not words that differ.
  const bare = (text: string) => text.replace(/^["“”„]+|[\s"“”„,;:]+$/g, '');
  const drafted = bare(draft.slice(result.focus.start, result.focus.end));
  const source = bare(result.fix.replacement);
  const label = input.problemShown ? '**Sourced** · source wording' : '**Source wording**';
  return `${label} (bold: words you changed or left out; struck: your words):\n\n> ${quoteDiffMarkdown(source, drafted)}`;
}

/** The statement's words with no counterpart in the evidence, and the pairs matched by meaning. */
function explanation({ result, draft }: HoverCardInput): string | undefined {
  if (result.verdict === 'misquote') return undefined;
  return explanationMarkdown(result, draft).join('\n\n') || undefined;
}

function passageBlock(hit: PassageHit, input: HoverCardInput): string {
  const doc = input.documents.get(hit.passage.docId);
  const { title, byline } = sourceLabelParts(doc, hit.passage.docId);
  const text = emphasizeMarkdown(excerptAround(hit.passage.text, hit.matchedTerms, PASSAGE_CHARS), hit.matchedTerms);
  const page = doc && pageLabel(doc, hit.passage.start);
  const meta = [`*${escapeMarkdown(title)}*`, byline ? escapeMarkdown(byline) : '', page ?? '', `[Open source](${input.openLink(hit)})`]
    .filter(Boolean)
    .join(' — ');
  return `> ${text}\n\n${meta}`;
}

/** Under the Problems message, which already quotes the source passage, the card names the source instead. */
function sourceNamed(hit: PassageHit, input: HoverCardInput): string {
  const doc = input.documents.get(hit.passage.docId);
  const { title, byline } = sourceLabelParts(doc, hit.passage.docId);
  return [`From *${escapeMarkdown(title)}*`, byline ? escapeMarkdown(byline) : '', `[Open source](${input.openLink(hit)})`].filter(Boolean).join(' — ');
}

function passages(input: HoverCardInput): string | undefined {
  if (input.problemShown) return input.result.sources[0] && sourceNamed(input.result.sources[0], input);
  const hits = input.result.sources.slice(0, input.maxPassages ?? MAX_PASSAGES);
  return hits.length > 0 ? ['---', ...hits.map((hit) => passageBlock(hit, input))].join('\n\n') : undefined;
}

const CARD_SECTIONS: CardSection[] = [heading, message, verbatimNote, misquoteDiff, explanation, passages];

/** The Markdown of a hover card; every piece of source or draft text in it is escaped. */
export function buildHoverCard(input: HoverCardInput): string {
  return CARD_SECTIONS.map((section) => section(input))
    .filter((part): part is string => !!part)
    .join('\n\n');
}
