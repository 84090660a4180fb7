import { contentTerms, startsWithCapital, startsWithDigit, tokenTerm, wordTokens, type WordToken } from '../search/tokenize';
import { scanNumbers, type NumberMention } from './numbers';
import { entityGroups, type EntityGroup } from './entities';
import { checkQuotes, type QuoteFinding } from '../quotes/quoteCheck';
import type { CheckContext } from './context';
import { nounsOfComplexPrepositions } from '../lexicon/prepositions';

/** A content word of a statement, which the evidence must give in some form. */
export interface StatementWord {
  raw: string;
  norm: string;
  term: string;
  /** Offsets in the statement's text. */
  start: number;
  end: number;
  /** How much the word says: its IDF, less for reporting verbs. */
  weight: number;
  /** Index into `names` when the word is part of a name. */
  name?: number;
  /** Index into `quotes` when the word is inside a quotation the sources were searched for. */
  quote?: number;
  /** A reporting verb, or a word of the clause that introduces a quotation: it frames, it does not claim alone. */
  framing?: boolean;
}

/** Everything the rules read about a statement, worked out once. */
export interface StatementAnalysis {
  text: string;
  tokens: readonly WordToken[];
  words: StatementWord[];
  names: EntityGroup[];
  figures: NumberMention[];
  quotes: QuoteFinding[];
  /** The index terms to search the sources by (an age's "years old" left out: the age is the figure). */
  searchTerms: string[];
}

// Figures and calendar words are judged by the figure rule, not as words to align.
const FIGURE_WORDS = new Set(
  `januari februari march april mai may june juli august septemb octob novemb decemb
  mondai tuesdai wednesdai thursdai fridai saturdai sundai percent cent thousand million billion trillion`.split(/\s+/),
);
// Reporting verbs vary freely between a source and a faithful paraphrase.
const REPORTING = new Set(['sai', 'say', 'tell', 'call', 'add', 'note', 'explain', 'report', 'state', 'describ', 'accord']);
/** How much a framing word (reporting verb, clause introducing a quotation) weighs against other words. */
export const FRAMING_FACTOR = 0.3;
// "Umarov was more blunt: “...”": the clause a colon ends before a quotation introduces speech;
// its words frame the quote as reporting verbs do.
const INTRODUCED_QUOTE = /:\s*["\u201C\u2018']/u;
// "62-year-old", "68 years old": the age is the figure, which the figure rule compares.
const AGE_UNIT = /[\s-]+years?[\s-]+old\b/gi;

/** The matches of AGE_UNIT: exec on the one regex (matchAll would copy it for each statement). */
function agesIn(text: string): RegExpExecArray[] {
  const ages: RegExpExecArray[] = [];
  AGE_UNIT.lastIndex = 0;
  for (let m = AGE_UNIT.exec(text); m !== null; m = AGE_UNIT.exec(text)) ages.push(m);
  return ages;
}

/** Whether a token lies inside an age ("68 years old"): its words are the figure's. */
function inAge(token: WordToken, ages: readonly RegExpExecArray[]): boolean {
  for (const m of ages) if (token.start >= m.index && token.end <= m.index + m[0].length) return true;
  return false;
}

/** The index of the last name holding a term (a statement has few names, of few words: no map is made for them). */
function nameWith(names: readonly EntityGroup[], term: string): number | undefined {
  for (let i = names.length - 1; i >= 0; i--) if (names[i].terms.includes(term)) return i;
  return undefined;
}

/** Whether an index term is a figure or a date word (compared as a figure, never as a word). */
export function isFigureTerm(term: string): boolean {
  return startsWithDigit(term) || FIGURE_WORDS.has(term);
}

export function analyseStatement(text: string, context: CheckContext): StatementAnalysis {
  const tokens = wordTokens(text);
  const names = entityGroups(text, (term) => context.index.isCommonWord(term), isFigureTerm);
  const quotes = checkQuotes(text, context);
  const ages = agesIn(text);
  const framingEnd = INTRODUCED_QUOTE.exec(text)?.index ?? -1;
  const words: StatementWord[] = [];
  // The norms pushed, not mapped: map's array is packed run as a builtin and holey compiled in, and the reader is
  // compiled for one; Array.from with a function, which kept it one kind, was nearly a microsecond a statement.
  const norms: string[] = [];
  for (const token of tokens) norms.push(token.norm);
  const prepositional = nounsOfComplexPrepositions(norms);
  // Every token's index term, in order: the statement's search terms too, when it gives no age.
  const terms: Array<string | undefined> = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    const term = tokenTerm(token);
    terms.push(term);
    if (term === undefined || isFigureTerm(term) || inAge(token, ages) || prepositional.has(k)) continue;
    const capitalized = startsWithCapital(token.raw);
    const name = capitalized ? nameWith(names, term) : undefined;
    // Words of a quotation found in a source are matched there; a quotation too short to be looked up ("clearly") is words like any other.
    const quote = quotes.length === 0 ? -1 : quotes.findIndex((q) => q.outcome !== 'unverified' && q.passage !== undefined && token.start >= q.span.start && token.end <= q.span.end);
    const framing = REPORTING.has(term) || (name === undefined && token.end <= framingEnd);
    const weight = context.index.stats.idf(term) * (framing ? FRAMING_FACTOR : 1);
    // Every word has every field (unset ones undefined): the rules read thousands, and one shape keeps those reads fast.
    words.push({ raw: token.raw, norm: token.norm, term, start: token.start, end: token.end, weight, name, quote: quote >= 0 ? quote : undefined, framing: framing || undefined });
  }
  // (The tokens are the words contentTerms() reads, so their terms are its terms.)
  const searchTerms = ages.length === 0 ? terms.filter((t): t is string => t !== undefined) : contentTerms(text.replace(AGE_UNIT, ''));
  return { text, tokens, words, names, figures: scanNumbers(text), quotes, searchTerms };
}
