import type { Passage } from '../types';
import { contentTerms, wordTokens } from '../search/tokenize';
import { ANAPHORIC_OPENING } from '../search/passageIndex';
import { isTitleWord } from '../quotes/names';
import type { CheckContext } from './context';
import { entityGroups } from './entities';
import { namesPerson } from '../lexicon/people';

// What a source sentence refers to beyond its own words, as a reader resolves it: news writing
// names a subject or a person once and then says "This", "the researcher" or quotes on.

/**
 * Index terms a passage says without writing them: the sentences before an anaphoric opening,
 * the people its role descriptions point back to, and the speakers of the quotes it is part of.
 */
export function referredTerms(passage: Passage, context: CheckContext): string[] {
  // Remembered for one check (one context): a draft's statements rank the same passages again and again.
  const known = referredByContext.get(context) ?? new WeakMap<Passage, string[]>();
  referredByContext.set(context, known);
  const terms = known.get(passage) ?? [...antecedentTerms(passage, context), ...describedPeople(passage, context), ...speakersOf(passage, context)];
  known.set(passage, terms);
  return terms;
}

const referredByContext = new WeakMap<CheckContext, WeakMap<Passage, string[]>>();

function previousPassage(passage: Passage, context: CheckContext): Passage | undefined {
  const hash = passage.id.lastIndexOf('#');
  return context.index.passage(`${passage.id.slice(0, hash)}#${Number(passage.id.slice(hash + 1)) - 1}`);
}

/** Where the text a passage speaks of starts: for a sentence opening with "This", "It" or "They", the two sentences before it. */
export function antecedentStart(passage: Passage, context: CheckContext): number {
  const anaphoric = ANAPHORIC_OPENING.test(passage.text) && !EXPLETIVE_IT.test(passage.text);
  const previous = anaphoric ? previousPassage(passage, context) : undefined;
  return previous ? Math.min(previous.contextStart, passage.contextStart) : passage.contextStart;
}

function antecedentTerms(passage: Passage, context: CheckContext): string[] {
  const start = antecedentStart(passage, context);
  const doc = context.documents.get(passage.docId);
  if (start >= passage.contextStart || !doc) return [];
  return contentTerms(doc.text.slice(start, passage.start), true);
}

const DETERMINERS = new Set(['the', 'his', 'her', 'their', 'its']);
const MODIFIERS_BEFORE_ROLE = 2;

/**
 * "the Ukrainian counterpart", "the researcher", "he": a role with no name after it or a pronoun
 * subject refers to someone the text named just before, so the names of the sentences before
 * (back to the previous one's paragraph start) count as said here.
 */
function describedPeople(passage: Passage, context: CheckContext): string[] {
  if (!hasRoleReference(passage.text) && !hasPronounSubject(passage.text)) return [];
  const previous = previousPassage(passage, context);
  const doc = context.documents.get(passage.docId);
  if (!previous || !doc) return [];
  const before = doc.text.slice(previous.contextStart, passage.start);
  return entityGroups(before, (term) => context.index.isCommonWord(term), () => false).flatMap((g) => g.terms);
}

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'it']);
// "It is possible that ...": an "it" that stands for no one.
const EXPLETIVE_IT = /^it(?:['\u2019]s|\s+(?:is|was|seems|seemed|appears|appeared|remains|remained))\b/i;
const SUBJECT_REACH = 6;

/** "Instead of condemning, he repeats ...": a pronoun subject before any name points back to the sentence before. */
function hasPronounSubject(text: string): boolean {
  const tokens = wordTokens(text).slice(0, SUBJECT_REACH);
  for (const [i, token] of tokens.entries()) {
    if (PERSONAL_PRONOUNS.has(token.norm)) return !EXPLETIVE_IT.test(text.slice(token.start - tokens[0].start));
    if (i > 0 && /^\p{Lu}/u.test(token.raw)) return false;
  }
  return false;
}

function hasRoleReference(text: string): boolean {
  const tokens = wordTokens(text);
  return tokens.some((token, i) => {
    if (!DETERMINERS.has(token.norm)) return false;
    for (let j = i + 1; j <= i + 1 + MODIFIERS_BEFORE_ROLE && j < tokens.length; j++) {
      const word = tokens[j].raw;
      // A role noun ("the Ukrainian counterpart", "the economist") or a title stands in for a person named before.
      if (!namesPerson(tokens[j].norm) && !(isTitleWord(word) && /^\p{Ll}/u.test(word))) continue;
      // "the Chinese president Xi" names the person right there; it refers to no one before.
      const next = tokens[j + 1];
      return !next || !/^\p{Lu}/u.test(next.raw) || DETERMINERS.has(next.norm);
    }
    return false;
  });
}

/**
 * A quote's words are its speaker's: a passage inside a quote says who speaks it, as the sentence
 * that introduces the speaker describes them ("Rhodium Group's Noah Barkin told RFE/RL").
 */
function speakersOf(passage: Passage, context: CheckContext): string[] {
  const quotes = context.quotesOf(passage.docId);
  const terms: string[] = [];
  for (const speaker of quoteSpeakers(passage, context)) {
    const introduction = quotes.find((q) => q.speaker === speaker);
    const introPassage = introduction && context.index.passage(introduction.passageId);
    if (introPassage) terms.push(...contentTerms(framing(introPassage, quotes), true));
    terms.push(...contentTerms(speaker, true));
  }
  return terms;
}

/** The named speakers of the quotes a passage is part of. */
function quoteSpeakers(passage: Passage, context: CheckContext): Set<string> {
  const quotes = context.quotesOf(passage.docId).filter((q) => q.speaker && q.speakerKind === 'name' && q.start < passage.end && q.end > passage.start);
  return new Set(quotes.map((q) => q.speaker!));
}

/** A passage's words outside its quotation marks: the attribution and what it says of the speaker. */
function framing(passage: Passage, quotes: readonly { start: number; end: number; passageId: string }[]): string {
  let text = passage.text;
  for (const q of quotes) {
    if (q.passageId !== passage.id) continue;
    const from = Math.max(0, q.start - passage.start);
    const to = Math.min(text.length, q.end - passage.start);
    if (from < to) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return text;
}
