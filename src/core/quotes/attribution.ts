import { STOP_WORDS } from '../search/stopWords';
import { isRegExpSpace } from '../text/spaces';
import { MarkCursor } from './markCursor';
import { nameInPhrase, type Speaker } from './names';
import type { QuoteSpan } from './quoteSpans';

const VERBS =
  'said|says|say|told|tells|added|adds|explains|explained|emphasizes|emphasized|emphasises|emphasised|stressed|stresses|' +
  'noted|notes|wrote|writes|asked|asks|argued|argues|warned|warns|insisted|insists|declared|declares|stated|states|' +
  'tweeted|posted|continued|continues|reiterated|reiterates|recalled|claimed|claims|replied|answered|acknowledged|' +
  'acknowledges|admitted|suggested|observed|commented|concluded|announced|remarked|predicted|testified';
export const SPEECH_VERB = new RegExp(`\\b(?:${VERBS})\\b`, 'g');
const SPEECH_VERB_WORD = new RegExp(`^(?:${VERBS})$`, 'i');

/** Whether a word is a verb of saying ("said", "wrote", "argues"). */
export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERB_WORD.test(word);
}
const VERB = SPEECH_VERB;
const VERB_AT_START = new RegExp(`^(?:${VERBS})\\b\\s*`);
const PRONOUN_VERB = new RegExp(`^(he|she|they)\\s+(?:also\\s+|then\\s+|later\\s+)?(?:${VERBS})\\b`, 'i');
const PRONOUN = /^(?:he|she|they)$/i;
const ARTICLE = /^(?:the|a|an|one|another)\s/i;
const MAX_SUBJECT_WORDS = 9;
const MAX_DESCRIPTOR_WORDS = 6;
// A quotation that ends its sentence inside the marks, and a sentence after it opening with a conjunction.
const SENTENCE_END_BEFORE = /[.!?\u2026]\s*['"\u2019\u201D]?\s*$/;
const CONJUNCTION_START = /^(?:But|And|Yet|So|However|Meanwhile|Still)\b/;
// "..., and she said no": a clause joined on, whose subject says something else, not an attribution.
const COORDINATED = /^(?:and|but|or|so|yet|then)\s/i;
const LEADING_PRONOUN = /^(He|She|They)\s+(?!said|says|told)\w/;
// A run of capitalized words (a title, a name) followed by a comma or a lower-case word: the clause's subject.
const LEADING_NAME = /^(?:[\p{Lu}][\p{L}\p{M}'\u2019.-]*\s+){0,4}[\p{Lu}][\p{L}\p{M}'\u2019.-]*(?=\s*[,(]|\s+\p{Ll})/u;
// A full stop that ends a sentence, not one after "Mr" or an initial.
const SENTENCE_END = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|Prof|[A-Z]))[.!?]\s/;

function pronoun(word: string, start: number): Speaker {
  return { kind: 'pronoun', text: word.toLowerCase(), start, end: start + word.length };
}

/** "the diplomat", "a spokesperson for the European Commission": kept whole, trimmed. */
function descriptor(phrase: string, start: number): Speaker {
  const trimmed = phrase.trim();
  const offset = start + phrase.indexOf(trimmed);
  return { kind: 'descriptor', text: trimmed, start: offset, end: offset + trimmed.length };
}

/**
 * Whether `text` has more than `max` words (runs of non-space), counted from its end and no
 * further than the word past `max`: a phrase is read only when it is short, and a long one (a
 * 300-character window of "“He said “He said") must not be split into words for every quote in it.
 */
function moreWordsThan(text: string, max: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = text.length - 1; i >= 0; i--) {
    const space = isRegExpSpace(text.charCodeAt(i));
    if (!space && !inWord && ++words > max) return true;
    inWord = !space;
  }
  return false;
}

/** Parses a subject phrase that stands right before a speech verb. */
function subjectSpeaker(phrase: string, start: number): Speaker | undefined {
  if (moreWordsThan(phrase, MAX_SUBJECT_WORDS)) return undefined;
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const lastWord = words[words.length - 1];
  if (PRONOUN.test(lastWord)) return pronoun(lastWord, start + phrase.lastIndexOf(lastWord));
  // "a spokesperson for the European Commission" is a description, not the Commission.
  const head = phrase.split(/\s(?:of|for|at|from|in|with|on)\s/)[0];
  const name = nameInPhrase(head, start, head === phrase);
  if (name && !(name.text.indexOf(' ') < 0 && STOP_WORDS.has(name.text.toLowerCase()))) return name;
  if (words.length > MAX_DESCRIPTOR_WORDS) return undefined;
  if (ARTICLE.test(phrase.trim())) return descriptor(phrase, start);
  if (/^[a-z]/.test(words[0]) && !STOP_WORDS.has(words[0])) return descriptor(phrase, start);
  return undefined;
}

const SENTENCE_BREAK = /[.!?\u2026]["'\u201D\u2019]?\s+(?=[\p{Lu}"'\u201C\u2018])/gu;

/** `,` `;` `:` */
function isClauseMark(code: number): boolean {
  return code === 0x2c || code === 0x3b || code === 0x3a;
}

/** Whether text[from, to) ends with the mark `code` and then only spaces (`/,\s*$/` for a comma), read from the end. */
function endsWithMark(text: string, from: number, to: number, code: number): boolean {
  let i = to - 1;
  while (i >= from && isRegExpSpace(text.charCodeAt(i))) i--;
  return i >= from && text.charCodeAt(i) === code;
}

/** Appositives ("a staff member at ...", "57", "senior fellow at ...") are skipped to reach the name. */
function isAppositive(segment: string): boolean {
  const trimmed = segment.trim();
  if (trimmed.length === 0 || /^\d/.test(trimmed) || /\s(?:of|at|for|from|in)\s/.test(trimmed)) return true;
  return /^(?:the|a|an|The|A|An)\s/.test(trimmed) || (/^\p{Ll}/u.test(trimmed) && !/^(?:as|and|but|while|so|then|yet)\s/.test(trimmed));
}

/** The speaker named before a verb; when the verb follows a comma, appositives in between are skipped. */
export function speakerBeforeVerb(text: string, from: number, verbAt: number): Speaker | undefined {
  if (!endsWithMark(text, from, verbAt, 0x2c)) {
    // The clause after the last `,` `;` or `:`, found from the end (not by splitting the whole
    // sentence), and no further back than a subject's words can reach.
    let clauseStart = verbAt;
    let words = 0;
    for (; clauseStart > from; clauseStart--) {
      const code = text.charCodeAt(clauseStart - 1);
      if (isClauseMark(code)) break;
      if (!isRegExpSpace(code) && (clauseStart - 1 === from || isRegExpSpace(text.charCodeAt(clauseStart - 2))) && ++words > MAX_SUBJECT_WORDS) return undefined;
    }
    return subjectSpeaker(text.slice(clauseStart, verbAt), clauseStart);
  }
  const before = text.slice(from, verbAt);
  const segments: { text: string; start: number }[] = [];
  let offset = from;
  for (const part of before.split(',')) {
    segments.push({ text: part, start: offset });
    offset += part.length + 1;
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (i > 0 && isAppositive(segment.text)) continue;
    return subjectSpeaker(segment.text, segment.start);
  }
  return undefined;
}

/**
 * Where the words after a quote that may say who spoke end: at the line's end or the next opening
 * quotation mark, whichever comes first, within text[from, to). One pass that stops at either: a
 * search for the line's end first read the whole window for every quote of a line of quotations.
 */
function tailEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x22 || code === 0x201c || code === 0x201e || code === 0x2018) return i;
  }
  return to;
}

/** `,” Mr. Umarov said`, `,” said Yun Sun, director ...`, `,” he said`, `,” Ryan Hass, senior fellow ..., told RFE/RL`. */
export function attributionAfter(text: string, quote: QuoteSpan): Speaker | undefined {
  const limit = tailEnd(text, quote.close, Math.min(text.length, quote.close + 240));
  const lead = /^[\s,.;:!?\u2026'\u2019\u201D"-]*/.exec(text.slice(quote.close, limit))![0].length;
  const from = quote.close + lead;
  const tail = text.slice(from, limit);
  if (tail.length === 0) return undefined;
  // A sentence that opens with a conjunction after a finished quotation goes on with the story
  // ("... “We will not.” But Pete James said ..."): it does not say who spoke the quote.
  if (SENTENCE_END_BEFORE.test(text.slice(quote.start, quote.close)) && CONJUNCTION_START.test(tail)) return undefined;
  const pronounVerb = PRONOUN_VERB.exec(tail);
  if (pronounVerb) return pronoun(pronounVerb[1], from);
  const verbFirst = VERB_AT_START.exec(tail);
  if (verbFirst) {
    const rest = tail.slice(verbFirst[0].length);
    const phrase = /^[^,.;:()\n]*/.exec(rest)![0].split(/\s(?:of|from|at|in|on|during|to|with|who|ahead|before|after|when|while)\s/)[0];
    const start = from + verbFirst[0].length;
    if (ARTICLE.test(phrase)) return descriptor(phrase, start);
    return nameInPhrase(phrase, start);
  }
  VERB.lastIndex = 0;
  const verb = VERB.exec(tail);
  if (!verb) return undefined;
  // Only a short subject (with an appositive closed by a comma) between the quote and the verb is an attribution.
  const subject = tail.slice(0, verb.index);
  if (subject.length > 200 || SENTENCE_END.test(subject) || COORDINATED.test(subject)) return undefined;
  if (subject.includes(',') && !/,\s*$/.test(subject)) return undefined;
  return subjectSpeaker(subject.split(',')[0], from);
}

/** `Yun Sun said: “...”`, `Pantucci said that Beijing ... “...”`, `According to Hass, ... “...”`. */
export function attributionBefore(text: string, quote: QuoteSpan, marks = new MarkCursor(text)): Speaker | undefined {
  // The line's start is looked for only within the window: on one long line, a search back to
  // the text's start for every quote was quadratic.
  const windowFrom = Math.max(0, quote.open - 300);
  const newline = marks.lastNewline(windowFrom, quote.open);
  const windowStart = newline >= 0 ? newline + 1 : windowFrom;
  // The sentence starts after the last break in the window (a text without a full stop has none to look for).
  let sentenceStart = windowStart;
  if (marks.lastSentenceMark(windowStart, quote.open) >= 0) {
    for (const m of text.slice(windowStart, quote.open).matchAll(SENTENCE_BREAK)) sentenceStart = windowStart + m.index + m[0].length;
  }
  const sentence = text.slice(sentenceStart, quote.open);
  // A verb counts only with at most 12 words after it, so the last verb is looked for among the
  // last 13 words alone (a verb further back has at least 13 after it): searching the whole
  // sentence for every quote made a text of quotes and verbs slow in proportion to the window.
  const verbsFrom = marks.lastWordsStart(sentenceStart, quote.open, 13) - sentenceStart;
  const tail = sentence.slice(verbsFrom);
  VERB.lastIndex = 0;
  let lastVerb: RegExpExecArray | null = null;
  for (let m = VERB.exec(tail); m; m = VERB.exec(tail)) lastVerb = m;
  if (lastVerb) {
    const between = tail.slice(lastVerb.index + lastVerb[0].length);
    if (!moreWordsThan(between, 12)) {
      const speaker = speakerBeforeVerb(text, sentenceStart, sentenceStart + verbsFrom + lastVerb.index);
      if (speaker) return speaker;
    }
  }
  const according = /\baccording to\s+([^,;:]+)/i.exec(sentence);
  if (according) return nameInPhrase(according[1], sentenceStart + according.index + according[0].length - according[1].length);
  if (endsWithMark(sentence, 0, sentence.length, 0x3a)) return colonSubject(sentence, sentenceStart);
  return undefined;
}

/**
 * The speaker of a quotation a colon introduces without a verb of saying: the subject that opens
 * the clause (`Temur Umarov, a fellow at ..., was more blunt: “...”`, `She was clear: “...”`). Only a
 * full name or a pronoun counts: one capitalized word opening a sentence is as often a common noun.
 */
function colonSubject(sentence: string, start: number): Speaker | undefined {
  const lead = /^\s*/.exec(sentence)![0].length;
  const opening = LEADING_PRONOUN.exec(sentence.slice(lead));
  if (opening) return pronoun(opening[1], start + lead);
  const run = LEADING_NAME.exec(sentence.slice(lead));
  if (!run) return undefined;
  const name = nameInPhrase(run[0], start + lead);
  return name?.text.includes(' ') ? name : undefined;
}
