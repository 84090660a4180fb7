import { acronymTerm, startsWithCapital, tokenTerm, wordTokens, type WordToken } from '../search/tokenize';
import { STOP_WORDS } from '../search/stopWords';
import { isTitleWord } from '../quotes/names';
import { isSpeechVerb } from '../quotes/attribution';
import { CAPITAL_TERM, placeName } from './places';
import { namesPerson } from '../lexicon/people';
import { getLexicon } from '../lexicon';
import { DETERMINERS, PASSIVE_AUXILIARIES, afterDeterminer, isInflectedVerb } from '../lexicon/voice';
import { FUTURE_AUXILIARIES, PERFECT_AUXILIARIES } from '../lexicon/modality';

/** A name in a statement: one or more capitalized words in a row ("Wang Yi", "United States"). */
export interface EntityGroup {
  terms: string[];
  acronym?: string;
  /** Named as a location ("met in Minsk"), not as an actor ("Minsk said"). */
  locative: boolean;
  /** Named as the one who says something ("Umarov said", "according to Umarov"). */
  speaker: boolean;
  /** Named as the subject the statement opens with, right before its verb ("Hass is", "Orban offered"). */
  subject?: boolean;
  /** For a subject, where its verb starts in the text, past auxiliaries and adverbs ("offered", "met" in "has already met"). */
  predicateStart?: number;
  /**
   * Named only to say whose or which something is, before a noun: a possessor ("Ramsey's side") or a
   * modifier after a determiner ("the former Barcelona boss"); not the one who does anything.
   */
  modifier?: boolean;
}

// Prepositions and verbs of going that make the name after them a place rather than a government
// ("in Minsk", "visited Beijing"); "support from Beijing" is the government's.
const LOCATIVE = new Set(
  `in at near to into inside outside around across toward towards visit visits visited visiting
  tour tours toured touring reach reached reaches leave leaves left enter entered enters`.split(/\s+/),
);

/**
 * Names of a statement, titles left out. The first word counts only if the corpus never writes
 * it in lower case (otherwise its capital is just sentence case).
 */
export function entityGroups(text: string, isCommonWord: (term: string) => boolean, isFigure: (term: string) => boolean): EntityGroup[] {
  const groups: EntityGroup[] = [];
  let words: string[] = [];
  let terms: string[] = [];
  let locative = false;
  let afterAccordingTo = false;
  // Where the names that open the statement end (a token index), to read "A and B" as one subject.
  let openingEnd = -1;
  const tokens = wordTokens(text);
  const close = (position: number): void => {
    const first = position - words.length;
    // The subject opens the statement, after a determiner at most, or joins such a name by "and" ("Washington and Kyiv welcomed").
    const opening = first === 0 || (first === 1 && DETERMINERS.has(tokens[0].norm)) || (first > 1 && tokens[first - 1].norm === 'and' && openingEnd === first - 1);
    if (opening) openingEnd = position;
    // Every word that is no name closes an empty run: nothing more to work out for it.
    if (terms.length === 0) return;
    const speaker = afterAccordingTo || (position < tokens.length && isSpeechVerb(tokens[position].raw));
    const subject = !speaker && position < tokens.length && opening && opensPredicate(tokens[position].norm);
    const predicate = subject ? predicateAfter(tokens, position) : undefined;
    const modifier = modifies(tokens, first, position);
    if (!describesPerson(tokens, first, position - 1))
      // Every group has every field (unset ones undefined): one shape for the rules that read them.
      groups.push({
        terms: [...new Set(terms)],
        acronym: acronymTerm(words),
        locative,
        speaker,
        subject: subject || undefined,
        predicateStart: subject ? predicate?.start : undefined,
        modifier: modifier || undefined,
      });
    words = [];
    terms = [];
  };
  tokens.forEach((token, position) => {
    // Only a capitalized word that is no stop word can be part of a name: the others are given no term.
    const term = startsWithCapital(token.raw) && !STOP_WORDS.has(token.norm) ? tokenTerm(token) : undefined;
    if (term === undefined || isFigure(term) || (isTitleWord(token.raw) && !namesAThing(tokens, position, isCommonWord)) || (position === 0 && isCommonWord(term))) {
      close(position);
      return;
    }
    if (terms.length === 0) {
      locative = position > 0 && LOCATIVE.has(tokens[position - 1].norm);
      afterAccordingTo = position > 1 && tokens[position - 2].norm === 'according' && tokens[position - 1].norm === 'to';
    }
    words.push(token.raw);
    terms.push(term);
  });
  close(tokens.length);
  return groups;
}

/**
 * Whether a title word begins the name of a thing, not a person's title: the capitalized word after it is a
 * common noun ("Premier League", "President Cup"), where after a title a person's name follows ("Premier Li").
 */
function namesAThing(tokens: readonly WordToken[], position: number, isCommonWord: (term: string) => boolean): boolean {
  const next = tokens[position + 1];
  const term = next && startsWithCapital(next.raw) ? tokenTerm(next) : undefined;
  return term !== undefined && isCommonWord(term);
}

/** An auxiliary or a modal: "is", "was", "will", "has". */
function isAuxiliary(word: string): boolean {
  return PASSIVE_AUXILIARIES.has(word) || FUTURE_AUXILIARIES.has(word) || PERFECT_AUXILIARIES.has(word);
}

/** Whether a word starts a predicate: an auxiliary, a modal or an inflected verb ("is", "will", "offered"). */
function opensPredicate(word: string): boolean {
  return isAuxiliary(word) || isInflectedVerb(word);
}

/** The verb of a clause whose subject ends before `from`: the first word past its auxiliaries, modals and adverbs. */
function predicateAfter(tokens: readonly WordToken[], from: number): WordToken | undefined {
  for (let k = from; k < Math.min(tokens.length, from + 4); k++) {
    const word = tokens[k].norm;
    if (isAuxiliary(word) || STOP_WORDS.has(word)) continue;
    if (getLexicon().canBeVerb(word)) return tokens[k];
  }
  return undefined;
}

const PREMODIFIERS = 6;

/** Whether the name from `first` to before `end` says whose or which the noun after it is ("Ramsey's side", "the Barcelona boss"). */
function modifies(tokens: readonly WordToken[], first: number, end: number): boolean {
  const next = tokens[end];
  // A noun after it, not a verb or a function word: "Barcelona boss", not "the Group urged".
  if (next === undefined || !/^\p{Ll}/u.test(next.raw) || STOP_WORDS.has(next.norm) || isInflectedVerb(next.norm)) return false;
  // A noun phrase's words before a name are few: the last handful are read, not the whole sentence.
  return /['\u2019]s$/u.test(tokens[end - 1].raw) || afterDeterminer(tokens.slice(Math.max(0, first - PREMODIFIERS), first).map((t) => t.raw));
}

/**
 * "the Frenchman", "the Colombian": after "the", one capitalized noun in its base form that WordNet
 * files under "person" describes someone, as "the defender" does; it names no one. A plural or a
 * longer run is a side or a nickname ("the Gunners", "the Tractor Boys"), and without "the" such a
 * word may be a surname (Smith, Baker).
 */
function describesPerson(tokens: readonly { norm: string }[], first: number, last: number): boolean {
  const word = tokens[last].norm;
  const lexicon = getLexicon();
  if (lexicon.lemma(word) !== word) return false;
  if (first === last && first > 0 && tokens[first - 1].norm === 'the' && namesPerson(word)) return true;
  // A noun of nationality (only ever a noun, a kind of inhabitant) describes, with or without "the" or an
  // adjective before it: "Dutchman reads out", "the Northern Irishman"; "American" and "Chinese" are adjectives too, and stay names.
  return lexicon.isOnlyNoun(word) && lexicon.isA(word, 'inhabitant');
}

export interface EntityEvidence {
  sentenceTerms: ReadonlySet<string>;
  contextTerms: ReadonlySet<string>;
  /** How often the passage's document uses a term. */
  documentCount(term: string): number;
}

/**
 * A name is there as itself, as its adjective ("Chinese" for "China"), as its acronym ("US" for
 * "United States"), as another name of its country ("Beijing" for "China"), or by part of it ("Wang" for "Wang Yi") when the document names it in full.
 */
export function entityPresent(group: EntityGroup, evidence: EntityEvidence): boolean {
  const has = (term: string): boolean => mentions(evidence.sentenceTerms, term) || mentions(evidence.contextTerms, term);
  if (group.terms.every(has)) return true;
  if (group.acronym && has(group.acronym)) return true;
  const inSentence = (term: string): boolean => mentions(evidence.sentenceTerms, term);
  if (placeNamed(group, has, inSentence)) return true;
  return group.terms.length > 1 && group.terms.some(has) && group.terms.every((t) => evidence.documentCount(t) > 0);
}

/**
 * A country stands for its capital and seat of government and the other way round ("Beijing
 * said" = "China said"), but a capital as a location ("met in Minsk") is only "the Belarusian
 * capital", never just "Belarus".
 */
function placeNamed(group: EntityGroup, has: (term: string) => boolean, inSentence: (term: string) => boolean): boolean {
  const place = placeName(group.terms);
  if (!place) return false;
  if (place.capital && group.locative) return inSentence(CAPITAL_TERM) && place.aliases.some((alias) => alias.every(inSentence));
  return place.aliases.some((alias) => alias.every(has));
}

function mentions(terms: ReadonlySet<string>, entity: string): boolean {
  if (terms.has(entity)) return true;
  for (const term of terms) if (sameRoot(term, entity)) return true;
  return false;
}

function sameRoot(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= Math.max(4, shorter - 1);
}
