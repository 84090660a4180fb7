import { startsWithCapital, wordTokens } from '../search/tokenize';
import { STOP_WORDS } from '../search/stopWords';
import { findQuoteSpans } from '../quotes/quoteSpans';

// Words of newsroom signposting: they announce or organize the story, they do not report.
const SIGNPOST_WORDS = new Set(
  `here heres why matter matters next come comes update updates updated story stories follow following
  read below above look closer detail details explain explained know need important means mean
  stay tuned developing continue continues ahead happen happens happened question questions answer
  answers first second finally conclusion summary back more latest watch editor editors note article
  publication published correction corrected clarification half picture context timing
  thing things complicated complex simple simply mixed reason reasons worth pause pausing part hard
  background useful catch words put short everything nothing clear unclear obvious easy tricky
  still none new meanwhile indeed instead anyway`.split(/\s+/),
);
// A newsroom note about the article itself ("Editor's note: ...", "Correction: ...").
const ARTICLE_NOTE = /^(?:editor['\u2019]?s\s+note|note|correction|clarification|update|updated)\s*:/i;
// Imperatives that steer the reader ("Consider the timing.", "Note the wording.").
const DISCOURSE_IMPERATIVE = /^(?:consider|note|remember|recall|imagine|look|see|read|take|keep|bear|think|watch)\b/i;
const EDITORIAL_WE = /\b(?:we|us|our|let's|lets)\b/i;
const DIGIT = /\d/;

/** A sentence that asks, not one that reports a question inside its quotation (`He asked: “Why now?”`). */
function isQuestion(text: string): boolean {
  const mark = /\?["'\u201D\u2019)]*$/.exec(text);
  return !!mark && !findQuoteSpans(text).some((span) => span.start <= mark.index && mark.index < span.close);
}

/**
 * Transitions, questions and signposts ("Here's why that matters.", "What comes next?",
 * "We will update this story."): nothing a source could support or contradict.
 */
export function isNotAClaim(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || ARTICLE_NOTE.test(trimmed)) return true;
  if (isQuestion(trimmed)) return true;
  // A figure makes a claim: the words below are read only without one (no stop word has a digit,
  // so the word a digit is in is content, and a digit ends the test below as a claim anyway).
  if (DIGIT.test(trimmed)) return false;
  const tokens = wordTokens(trimmed);
  const hasQuote = /["\u201C\u201D]/.test(trimmed);
  // A capital on the first word is only a name when the word is not a function or signpost word.
  const named = tokens.some((t, i) => startsWithCapital(t.raw) && !STOP_WORDS.has(t.norm) && (i > 0 || !(SIGNPOST_WORDS.has(t.norm) || DISCOURSE_IMPERATIVE.test(t.raw))));
  const content = tokens.filter((t) => !STOP_WORDS.has(t.norm));
  if (content.length === 0) return true;
  if (named || hasQuote) return false;
  const substantive = content.filter((t) => !SIGNPOST_WORDS.has(t.norm));
  // Nothing named, no figure, at most one word of substance: "But that is only half the story."
  if (substantive.length <= 1) return true;
  if (DISCOURSE_IMPERATIVE.test(trimmed) && tokens.length <= 6) return true;
  // First-person plural newsroom notes ("We will update this story.") with little else in them.
  return EDITORIAL_WE.test(trimmed) && substantive.length <= 2 && tokens.length <= 10;
}
