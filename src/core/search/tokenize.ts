import { stemmer } from 'stemmer';
import { foldText } from './normalize';
import { STOP_WORDS } from './stopWords';
import { NUMBER_WORDS } from './numberWords';
import { IRREGULAR_VERBS } from './irregularVerbs';
import { rememberedByText } from '../text/rememberedByText';

/** A word of a text with its offsets; `norm` is folded (case, accents, apostrophes, separators). */
export interface WordToken {
  raw: string;
  norm: string;
  start: number;
  end: number;
}

// Letters/digits, keeping inner apostrophes (China's) and digit groups (2,000 / 1.28). One scanner
// for every scan (nothing in a scan starts another), run by exec from lastIndex 0: matchAll copies
// its regex on every call, a cost per statement.
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+|(?<=\p{N})[.,]\p{N}+)*/gu;

// Folding (Unicode normalization and four replacements) dominated indexing time; words repeat.
const normCache = new Map<string, string>();

export function normalizeWord(raw: string): string {
  // A figure is folded afresh each time: a long draft's figures are nearly all different, and filled the cache.
  if (startsWithDigit(raw)) return foldWord(raw);
  const cached = normCache.get(raw);
  if (cached !== undefined) return cached;
  const norm = foldWord(raw);
  if (normCache.size < 200_000) normCache.set(raw, norm);
  return norm;
}

const DIGIT_GROUP_COMMA = /,(?=\d{3}\b)/g;

function foldWord(raw: string): string {
  let word = foldText(raw);
  // Figures are folded afresh each time: their separators are looked for only when there is one.
  if (startsWithDigit(word)) return word.includes(',') ? word.replace(DIGIT_GROUP_COMMA, '') : word;
  word = word.replace(/'s$/, '');
  return word.replace(/'/g, '');
}

/** Whether a word starts with an ASCII digit, as /^\d/ tests. */
export function startsWithDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
}

// A check reads the same candidate passages' words and terms in many places, for statement after
// statement: each passage-sized text is scanned once (copies of the arrays are handed out).
const TEXT_CACHE_MAX_CHARS = 4000;

const tokensOf = rememberedByText((text) => scanWordTokens(text, 0));

export function wordTokens(text: string, offset = 0): readonly WordToken[] {
  if (offset !== 0 || text.length > TEXT_CACHE_MAX_CHARS) return scanWordTokens(text, offset);
  return tokensOf(text);
}

function scanWordTokens(text: string, offset: number): WordToken[] {
  const tokens: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const start = offset + match.index;
    tokens.push({ raw: match[0], norm: normalizeWord(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

const stemCache = new Map<string, string>();

/** The index term of a normalized word, or undefined for stop words. */
export function termOf(norm: string): string | undefined {
  if (norm.length === 0 || STOP_WORDS.has(norm)) return undefined;
  // A figure is its own term (no number word starts with a digit), not remembered, as in normalizeWord.
  if (startsWithDigit(norm)) return norm;
  const cached = stemCache.get(norm);
  if (cached !== undefined) return cached;
  const spelled = NUMBER_WORDS.get(norm);
  const term = spelled !== undefined ? String(spelled) : stemmer(IRREGULAR_VERBS.get(norm) ?? norm);
  if (stemCache.size < 200_000) stemCache.set(norm, term);
  return term;
}

// "US", "EU", "NATO": all-capital short words are names (even "US"), kept apart from ordinary words.
const ACRONYM = /^[\p{Lu}]{2,5}$/u;

/** The index term of a word as written, or undefined for stop words. */
export function tokenTerm(token: WordToken): string | undefined {
  // A capital first (asked cheaply): most words have none, and need no regex.
  if (startsWithCapital(token.raw) && ACRONYM.test(token.raw)) return `${token.norm}_`;
  return termOf(token.norm);
}

/** The acronym term a multi-word name also stands for: "United States" -> "us_". */
export function acronymTerm(words: readonly string[]): string | undefined {
  return words.length >= 2 && words.length <= 4 ? `${words.map((w) => foldText(w[0])).join('')}_` : undefined;
}

/**
 * Index terms of a text, in order, stop words removed. With `withAcronyms`, each run of 2-4
 * capitalized words also yields its acronym, so a passage saying "United States" matches "US".
 */
export function contentTerms(text: string, withAcronyms = false): string[] {
  if (text.length > TEXT_CACHE_MAX_CHARS) return withAcronyms ? scanTerms(text).withAcronyms : scanTerms(text).terms;
  const scan = termsOf(text);
  return (withAcronyms ? scan.withAcronyms : scan.terms).slice();
}

const termsOf = rememberedByText(scanTerms);

export interface ScannedTerms {
  terms: string[];
  /** `terms` with the acronyms of capitalized runs ("United States" -> "us_") after each run. */
  withAcronyms: string[];
  /** Terms of the words written in lower case ("trade"): common words, not names. */
  lowercase: string[];
}

interface WordFacts {
  term: string | undefined;
  capitalized: boolean;
  lowercase: boolean;
}

// Indexing a large archive meets the same words again and again: what a word form yields is cached.
const wordFacts = new Map<string, WordFacts>();

function factsOf(raw: string): WordFacts {
  let facts = wordFacts.get(raw);
  if (facts === undefined) {
    const norm = normalizeWord(raw);
    facts = { term: tokenTerm({ raw, norm, start: 0, end: raw.length }), capitalized: /^\p{Lu}\p{Ll}/u.test(raw), lowercase: /^\p{Ll}/u.test(raw) };
    if (wordFacts.size < 200_000) wordFacts.set(raw, facts);
  }
  return facts;
}

// What a word form written with a capital yields, for capitalizedTerms (null: no term, a stop word).
const capitalTerms = new Map<string, string | null>();
const CAPITAL_FIRST = /^\p{Lu}/u;

/** Whether a word starts with a capital letter (any script). */
export function startsWithCapital(word: string): boolean {
  // ASCII first: most words start with one, whose case a comparison tells.
  const first = word.charCodeAt(0);
  if (first < 0x80) return first >= 0x41 && first <= 0x5a;
  return CAPITAL_FIRST.test(word);
}

/**
 * The index terms of a text's words that begin with a capital letter ("Trade", "US"), as
 * wordTokens and tokenTerm give them, in one pass that builds no token for the other words.
 */
export function capitalizedTerms(text: string): Set<string> {
  const terms = new Set<string>();
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const raw = match[0];
    const first = raw.charCodeAt(0);
    // Lower-case ASCII letters and digits first: most words are neither capitalized nor non-ASCII.
    if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) continue;
    let term = capitalTerms.get(raw);
    if (term === undefined) {
      term = startsWithCapital(raw) ? (tokenTerm({ raw, norm: normalizeWord(raw), start: 0, end: raw.length }) ?? null) : null;
      if (capitalTerms.size < 200_000) capitalTerms.set(raw, term);
    }
    if (term !== null) terms.add(term);
  }
  return terms;
}

/** One pass over a text for every kind of term the index and the checker need. */
export function scanTerms(text: string): ScannedTerms {
  const terms: string[] = [];
  const withAcronyms: string[] = [];
  const lowercase: string[] = [];
  let run: string[] = [];
  const endRun = (): void => {
    const acronym = acronymTerm(run);
    if (acronym) withAcronyms.push(acronym);
    run = [];
  };
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const raw = match[0];
    const { term, capitalized, lowercase: lower } = factsOf(raw);
    if (term !== undefined) {
      terms.push(term);
      withAcronyms.push(term);
      if (lower) lowercase.push(term);
    }
    if (capitalized && term !== undefined) run.push(raw);
    else endRun();
  }
  endRun();
  return { terms, withAcronyms, lowercase };
}
