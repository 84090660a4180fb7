import { isSpeechVerb } from '../quotes/attribution';
import { cleanText } from '../render/markdownEscape';
import { STOP_WORDS } from '../search/stopWords';
import { wordTokens } from '../search/tokenize';
import type { Passage, SourceDocument, SourceQuote } from '../types';
import { planCitation, type CitationPlace, type CitationStyle, type TextInsertion } from './citation';
import { CLOSING_MARK } from './quoteMarks';

export interface QuoteInsertionRequest extends CitationPlace {
  markdown: string;
  /** Offset of the opening quotation mark the writer typed. */
  markOffset: number;
  /** End of what the writer typed after the mark (the cursor). */
  cursorOffset: number;
  quote: SourceQuote;
  doc: SourceDocument;
  passage: Passage;
  style: CitationStyle;
}

export interface QuoteInsertionPlan {
  /** Replace [replaceStart, replaceEnd) (the typed words, and a closing mark an editor auto-inserted) with `text`. */
  replaceStart: number;
  replaceEnd: number;
  text: string;
  /** Further insertions elsewhere (a footnote definition at the end). */
  additional: TextInsertion[];
}

const HONORIFIC = /^(mr|mrs|ms|dr|prof|sir|president|minister)\.?\s+/i;
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'he', 'she', 'they']);

/** The surname a draft uses for a speaker ("Mr. Temur Umarov" -> "Umarov"). */
export function surnameOf(speaker: string): string {
  const words = speaker.replace(HONORIFIC, '').trim().split(/\s+/);
  return words[words.length - 1] ?? speaker;
}

/** The text of the sentence before `offset`, back to the previous sentence end or blank line. */
export function sentenceLead(markdown: string, offset: number): string {
  const before = markdown.slice(0, offset);
  const blankLine = before.lastIndexOf('\n\n');
  const paragraphStart = blankLine < 0 ? 0 : blankLine + 2;
  const lead = before.slice(paragraphStart);
  const boundary = Math.max(...[...lead.matchAll(/[.!?…]["”’]?(?:\s+|$)/g)].map((m) => (m.index ?? 0) + m[0].length), 0);
  return lead.slice(boundary);
}

/**
 * Whether the sentence around the quote already names someone who could be its speaker: a speech
 * verb, a subject pronoun, or a capitalized word (the opening one unless it is a function word).
 * Then an added "X said" could give one sentence two speakers, so the attribution is the writer's.
 */
function namesSomeone(lead: string, rest: string): boolean {
  const sentenceRest = rest.split(/(?<=[.!?…]["”’]?)\s/u)[0];
  return wordTokens(`${lead} ${sentenceRest}`).some(
    (w, i) => isSpeechVerb(w.raw) || SUBJECT_PRONOUNS.has(w.norm) || (/^\p{Lu}/u.test(w.raw) && (i > 0 || !STOP_WORDS.has(w.norm))),
  );
}

/** How the speaker is named: by surname once the draft has mentioned them, else in full. */
function speakerName(markdown: string, speaker: string): string {
  const surname = surnameOf(speaker);
  const bare = speaker.replace(HONORIFIC, '').trim();
  return markdown.includes(surname) || bare.split(/\s+/).length < 2 ? surname : bare;
}

/**
 * The single edit that completes a quote: exact source wording, the closing mark, an
 * attribution when the sentence has none, and a citation in the requested style.
 */
export function planQuoteInsertion(request: QuoteInsertionRequest): QuoteInsertionPlan {
  const { markdown, markOffset, cursorOffset, quote } = request;
  const mark = markdown[markOffset];
  const closing = CLOSING_MARK[mark] ?? '”';
  const lineEnd = markdown.indexOf('\n', cursorOffset) === -1 ? markdown.length : markdown.indexOf('\n', cursorOffset);
  // Editors may auto-close the mark; the completion replaces that one instead of doubling it.
  const replaceEnd = markdown[cursorOffset] === closing ? cursorOffset + 1 : cursorOffset;
  const rest = markdown.slice(replaceEnd, lineEnd);
  const lead = sentenceLead(markdown, markOffset);
  // Verbatim words, but inert: a source's `[x](command:...)`, `<img onerror>` or bidi override must not reach the draft.
  const wording = cleanText(quote.text).trim().replace(/[,;:]$/, '').replace(/[[\]<>]/g, (ch) => `\\${ch}`);
  const attribute = !!quote.speaker && !namesSomeone(lead, rest);
  const endsSentence = rest.trim().length === 0;

  const citation = planCitation({ ...request, markdown });
  let text = `${wording}${closing}${citation.inline}`;
  if (attribute) {
    const inside = /[.?!]$/.test(wording) ? wording.replace(/\.$/, ',') : `${wording},`;
    const said = `${inside}${closing} ${speakerName(markdown.slice(0, markOffset), quote.speaker!)} said`;
    // Footnote marks follow the full stop; Pandoc and link citations sit before it.
    if (!endsSentence) text = `${said}${citation.inline}`;
    else text = request.style === 'footnote' ? `${said}.${citation.inline}` : `${said}${citation.inline}.`;
  }
  return {
    replaceStart: markOffset + 1,
    replaceEnd,
    text,
    additional: citation.definition ? [citation.definition] : [],
  };
}
