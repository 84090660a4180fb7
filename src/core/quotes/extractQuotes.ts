import type { Passage, SourceDocument, SourceQuote } from '../types';
import { attributionAfter, attributionBefore } from './attribution';
import { descriptorHead, type Speaker } from './names';
import { lastMentionBefore, mentionDescribedAs, personMentions, type PersonMention } from './people';
import { MarkCursor } from './markCursor';
import { findQuoteSpans, type QuoteSpan } from './quoteSpans';
import { turnQuotes } from '../formats/turnQuotes';

/** A source quote with its resolved speaker, as the checker needs it. */
export interface AttributedQuote extends SourceQuote {
  /** How the source gives the speaker: a name, or a description with no name to it. */
  speakerKind?: 'name' | 'descriptor';
}

// Quotes that follow an attributed quote this closely, with no attribution of their own, continue it.
const CONTINUATION_GAP = 260;

/** Every quotation in a document, with its speaker when the source says who spoke. */
export function extractQuotes(doc: SourceDocument, passages: readonly Passage[], mentions: readonly PersonMention[] = personMentions(doc.text)): AttributedQuote[] {
  const text = doc.text;
  const quotes: AttributedQuote[] = [];
  let previous: { end: number; speaker?: Speaker } | undefined;
  const marks = new MarkCursor(text);
  for (const found of findQuoteSpans(text)) {
    const span = found.closed ? found : endAtInnerAttribution(text, found);
    let resolved = speakerOfSpan(doc, span, mentions, marks);
    if (!resolved && previous?.speaker && span.open - previous.end <= CONTINUATION_GAP && startsSentence(text, span.open) && wordCount(text, span) >= 4) resolved = previous.speaker;
    const passage = passageAt(passages, span.start);
    if (passage) {
      quotes.push({
        docId: doc.id,
        passageId: passage.id,
        text: text.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        speaker: resolved?.text,
        speakerKind: resolved && (resolved.kind === 'name' ? 'name' : 'descriptor'),
      });
    }
    previous = { end: span.close, speaker: resolved ?? undefined };
  }
  return [...quotes, ...turnQuotes(doc, passages)];
}

/** Who speaks the words in `span` of a document, as the text around them says; pronouns and descriptions resolved. */
export function speakerOfSpan(doc: SourceDocument, span: QuoteSpan, mentions: readonly PersonMention[], marks = new MarkCursor(doc.text)): Speaker | undefined {
  const speaker = attributionAfter(doc.text, span) ?? attributionBefore(doc.text, span, marks) ?? turnSpeaker(doc, span.start);
  return speaker && resolve(speaker, mentions, span.open);
}

/** A quote never closed may still end where an attribution starts: `...,’ explains Raffaello Pantucci`. */
function endAtInnerAttribution(text: string, span: QuoteSpan): QuoteSpan {
  for (const comma of text.slice(span.start, span.end).matchAll(/[,?!]['\u2019]?\s/g)) {
    const at = span.start + comma.index!;
    if (at === span.start) continue; // a quote of no words
    const candidate: QuoteSpan = { ...span, end: at + 1, close: at + comma[0].trimEnd().length, closed: true };
    if (attributionAfter(text, candidate)) return { ...candidate, end: at };
  }
  return span;
}

/** A quote that opens its sentence is speech; one in mid-sentence without attribution is a phrase. */
function startsSentence(text: string, open: number): boolean {
  return /(?:^|[.!?\u2026:]["\u201D\u2019]?\s+|\n\s*)$/.test(text.slice(Math.max(0, open - 4), open)) || open === 0;
}

function wordCount(text: string, span: QuoteSpan): number {
  return text.slice(span.start, span.end).split(/\s+/).filter(Boolean).length;
}

function turnSpeaker(doc: SourceDocument, offset: number): Speaker | undefined {
  const turn = doc.turns?.find((t) => t.start <= offset && offset < t.end);
  return turn ? { kind: 'name', text: turn.speaker, start: turn.start, end: turn.start } : undefined;
}

/** Pronouns go to the last person named; descriptions to the person last described that way. */
function resolve(speaker: Speaker, mentions: readonly PersonMention[], offset: number): Speaker | undefined {
  if (speaker.kind === 'pronoun') return lastMentionBefore(mentions, offset);
  if (speaker.kind === 'descriptor') {
    const head = descriptorHead(speaker.text);
    const named = head && /^the\s/i.test(speaker.text) ? mentionDescribedAs(mentions, head, offset) : undefined;
    return named ?? speaker;
  }
  return speaker;
}

function passageAt(passages: readonly Passage[], offset: number): Passage | undefined {
  let low = 0;
  let high = passages.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (passages[mid].end <= offset) low = mid + 1;
    else if (passages[mid].start > offset) high = mid - 1;
    else return passages[mid];
  }
  return passages[Math.min(low, passages.length - 1)];
}
