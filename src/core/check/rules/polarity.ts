import { tokenTerm, wordTokens, type WordToken } from '../../search/tokenize';
import type { Passage } from '../../types';
import type { CheckContext } from '../context';
import type { StatementAnalysis } from '../analysis';
import type { Evidence, WordMatch } from '../evidence';
import { formsOfTexts, isStanceTerm, unstatedStance } from '../stance';
import { reversedWord } from '../opposites';
import { FUTURE_AUXILIARIES, INTENTION_VERBS, PERFECT_AUXILIARIES } from '../../lexicon/modality';
import { getLexicon } from '../../lexicon';
import { FOCUS_PARTICLES } from '../../lexicon/polarity';
import { isBaseVerb } from '../../lexicon/voice';
import { rememberedByText } from '../../text/rememberedByText';
import { doerMismatch, voiceMismatch } from './voice';
import { rivalPlace } from './place';

/** A way the evidence says the reverse of the statement, or does not take its stance. */
export interface PolarityFinding {
  kind: 'negation' | 'opposite' | 'stance' | 'modality' | 'voice' | 'doer' | 'place';
  /** The statement's word, as written. */
  word: string;
  /** The source's word, when it says the opposite. */
  counterpart?: string;
}

/** Negation, opposite words and stance: whether the evidence says the statement the same way round. */
export function checkPolarity(analysis: StatementAnalysis, evidence: Evidence, context: CheckContext): PolarityFinding | undefined {
  const negation = negationMismatch(analysis, evidence);
  if (negation) return { kind: 'negation', word: negation };
  const reversedRoles = voiceMismatch(analysis, evidence);
  if (reversedRoles) return { kind: 'voice', ...reversedRoles };
  const otherDoer = doerMismatch(analysis, evidence);
  if (otherDoer) return { kind: 'doer', ...otherDoer };
  const otherPlace = rivalPlace(analysis, evidence);
  if (otherPlace) return { kind: 'place', ...otherPlace };
  const unrealized = modalityMismatch(analysis, evidence);
  if (unrealized) return { kind: 'modality', ...unrealized };
  const opposite = evidence.opposites[0];
  if (opposite) return { kind: 'opposite', word: opposite.word.raw, counterpart: opposite.counterpart };
  // A quotation's words are the quote rule's: found as written, they say what the source says.
  const unnamed = analysis.words.filter((w) => w.name === undefined && w.quote === undefined);
  for (const p of evidence.passages) {
    const reversed = reversedWord(unnamed, p.text);
    if (reversed) return { kind: 'opposite', word: reversed };
  }
  // "agreed to sell" commits to selling: with an infinitive after it, a stance word states no stance of its own.
  const tokens = analysis.tokens;
  const beforeInfinitive = (start: number): boolean => {
    const i = tokens.findIndex((t) => t.start === start);
    return i >= 0 && tokens[i + 1]?.norm === 'to' && tokens[i + 2] !== undefined && isBaseVerb(tokens[i + 2].norm);
  };
  const stanceTerms: string[] = [];
  for (const w of analysis.words) if (isStanceTerm(w.term) && !beforeInfinitive(w.start)) stanceTerms.push(w.term);
  const forms = () => formsOfTexts(evidence.passages.map((p) => around(p, context)));
  const stance = stanceTerms.length > 0 ? unstatedStance(stanceTerms, forms) : undefined;
  if (stance !== undefined) {
    // A synonym or a narrower word states the stance ("slammed" for "criticized"); a broader one does not ("comments").
    const word = analysis.words.find((w) => w.term === stance && !evidence.matches.some((m) => m.word === w && m.strength > 0 && m.kind !== 'same' && m.kind !== 'similar' && m.kind !== 'hypernym'));
    if (word) return { kind: 'stance', word: word.raw };
  }
  return undefined;
}

/**
 * A word the statement negates where the sentence that gives it does not, or the other way
 * round ("sees no evidence" against "has found evidence"): the negation word, as written.
 */
function negationMismatch(analysis: StatementAnalysis, evidence: Evidence): string | undefined {
  // Read only once a word is given in the same sense (many statements have none).
  let ours: ReadonlyMap<string, string> | undefined;
  // (Needed only for a word the statement negates.)
  let evidenceNegations: ReadonlySet<string> | undefined;
  for (const match of evidence.matches) {
    // Only a word the source gives in the same sense can be said the other way round: "hope" is near "enough" in use, not in meaning.
    if (match.strength < 1 || !match.passage || !match.kind || !SAME_SENSE.has(match.kind)) continue;
    ours ??= negatedTerms(analysis.text);
    const term = match.word.term;
    const source = negatedIn(match.passage.text);
    const counterpart = counterpartTerm(match);
    const negatedThere = source.has(term) || (counterpart !== undefined && source.has(counterpart));
    if (ours.has(term) === negatedThere) continue;
    // ... and it says a negated statement's word negated too, whatever else it says of it ("I work out daily ... dairy doesn't work for me").
    if (ours.has(term) && negatedTerms(match.passage.text, true).has(counterpart ?? term)) continue;
    const word = ours.get(term) ?? source.get(term) ?? (counterpart !== undefined ? source.get(counterpart) : undefined);
    // The same negation in both ("refused to hand over", "refused to give up") is the same claim told with other words.
    if (word && ours.has(term)) {
      evidenceNegations ??= new Set(evidence.passages.flatMap((p) => [...negatedIn(p.text).values()].map((w) => w.toLowerCase())));
      if (evidenceNegations.has(word.toLowerCase())) continue;
    }
    return word;
  }
  return undefined;
}

// Evidence sentences come back statement after statement: what each negates or puts off is read once.
const negatedIn = rememberedByText(negatedTerms);
const unrealizedIn = rememberedByText(unrealizedTerms);

// The words that negate what follows them in their clause (and every word ending in n't).
const NEGATION_WORDS = 'no not never nothing none nobody cannot neither nor refuse refuses refused refrain refrains refrained stop stops stopped stopping halt halts halted halting cease ceases ceased ceasing without';
const NEGATION = new RegExp(`^(?:${NEGATION_WORDS.split(' ').join('|')}|.*n't)$`);
// A text that holds none of them, even inside a word, negates nothing: its words need not be read.
const MAY_NEGATE = new RegExp(`${NEGATION_WORDS.split(' ').join('|')}|n['\u2019]t`, 'i');
const NOTHING_NEGATED: ReadonlyMap<string, string> = new Map();
const NEGATION_SCOPE = 3;

/**
 * The terms a text negates, each with its negation word: a negation reaches the next few words
 * of its clause, and two in a row affirm ("does not refuse to support" supports); before a focusing
 * adverb it negates nothing ("not only"). Verbs of stopping and refusing negate what follows
 * ("stopped supporting Russia"), except a purpose ("stopped to pose").
 */
function negatedTerms(text: string, keepBothWays = false): ReadonlyMap<string, string> {
  if (!MAY_NEGATE.test(text)) return NOTHING_NEGATED;
  const negated = new Map<string, string>();
  const tokens = wordTokens(text.replace(/\u2019/g, "'"));
  const affirmed = new Set<string>();
  const inScope = new Set<number>();
  const negation = (i: number): boolean => NEGATION.test(tokens[i].raw.toLowerCase());
  for (let i = 0; i < tokens.length; i++) {
    if (!negation(i) || FOCUS_PARTICLES.has(tokens[i + 1]?.norm)) continue;
    if (STOPPING.test(tokens[i].norm) && tokens[i + 1]?.norm === 'to' && !/^refus/.test(tokens[i].norm)) continue;
    for (let j = i + 1; j <= i + NEGATION_SCOPE && j < tokens.length; j++) {
      if (negation(j)) {
        i = j;
        break;
      }
      if (clauseEndsBefore(text, tokens, j)) break;
      inScope.add(j);
      const term = tokenTerm(tokens[j]);
      if (term !== undefined && !negated.has(term)) negated.set(term, tokens[i].raw);
    }
  }
  tokens.forEach((token, i) => {
    const term = tokenTerm(token);
    if (term !== undefined && !inScope.has(i) && !negation(i)) affirmed.add(term);
  });
  // A word the text says both ways ("I will take a cut. I won't take a raise") is not said the other way round.
  if (!keepBothWays) for (const term of affirmed) negated.delete(term);
  return negated;
}

/**
 * A word the statement reports as fact where the sentence that gives it says it will, may or is
 * planned to happen ("has already travelled" against "will soon travel"): the statement's word and
 * the source's marker, as written.
 */
function modalityMismatch(analysis: StatementAnalysis, evidence: Evidence): { word: string; counterpart: string } | undefined {
  // Read only once a word is given in the same sense (many statements have none).
  let tokens: readonly WordToken[] | undefined;
  for (const match of evidence.matches) {
    if (match.strength < 1 || !match.passage || !match.kind || !SAME_SENSE.has(match.kind)) continue;
    if (tokens === undefined) {
      const statementTokens = wordTokens(analysis.text.replace(/\u2019/g, "'"));
      // A statement that itself looks ahead ("will", "plans to") is compared by the other rules.
      if (statementTokens.some((_, i) => isFutureMarker(statementTokens, i))) return undefined;
      tokens = statementTokens;
    }
    if (!reportsAsDone(tokens, match.word.start)) continue;
    const passage = match.passage;
    const terms = [...new Set([counterpartTerm(match) ?? match.word.term, match.word.term])];
    let marker: string | undefined;
    for (const t of terms) marker ||= unrealizedIn(passage.text).get(t);
    // Another sentence of the evidence that states it as fact ("have never before combined") answers it.
    const statedElsewhere = evidence.sentences.some((s) => s.passage.id !== passage.id && terms.some((t) => s.terms.has(t) && !unrealizedIn(s.passage.text).has(t)));
    if (marker && !statedElsewhere) return { word: match.word.raw, counterpart: marker };
  }
  return undefined;
}

/** Whether the statement's word at `start` is a past form ("travelled", "met") or follows "has"/"had" closely. */
function reportsAsDone(tokens: readonly WordToken[], start: number): boolean {
  const i = tokens.findIndex((t) => t.start === start);
  if (i < 0) return false;
  if (tokens.slice(Math.max(0, i - 2), i).some((t) => PERFECT_AUXILIARIES.has(t.norm))) return true;
  const word = tokens[i].norm;
  const lemma = getLexicon().lemma(word);
  // A past form differs from its base form and is not a third person ("returns") or a participle in -ing.
  return lemma !== word && !/(?:s|ing)$/.test(word);
}

function isFutureMarker(tokens: readonly WordToken[], i: number): boolean {
  const word = tokens[i].raw.toLowerCase();
  return FUTURE_AUXILIARIES.has(word) || (INTENTION_VERBS.has(word) && tokens[i + 1]?.norm === 'to');
}

/** The terms a text puts under a modal or an intention ("will soon travel", "plans to visit"), each with its marker, unless the text also states them as fact. */
function unrealizedTerms(text: string): Map<string, string> {
  const tokens = wordTokens(text.replace(/\u2019/g, "'"));
  const marked = new Map<string, string>();
  const inScope = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!isFutureMarker(tokens, i)) continue;
    for (let j = i + 1; j <= i + MODAL_SCOPE && j < tokens.length; j++) {
      if (clauseEndsBefore(text, tokens, j)) break;
      inScope.add(j);
      const term = tokenTerm(tokens[j]);
      if (term !== undefined && !marked.has(term)) marked.set(term, tokens[i].raw);
      // The auxiliary governs the next verb ("will soon travel", "will persist" and not its object).
      if (!AUXILIARY_VERBS.has(tokens[j].norm) && getLexicon().canBeVerb(tokens[j].norm)) break;
    }
  }
  tokens.forEach((token, i) => {
    const term = tokenTerm(token);
    if (term !== undefined && !inScope.has(i)) marked.delete(term);
  });
  return marked;
}

const MODAL_SCOPE = 3;
const AUXILIARY_VERBS = new Set(['be', 'been', 'have', 'get']);

/** A negation or a future stays in its clause: punctuation between two words (a comma, a quotation mark, a dash) ends its reach. */
function clauseEndsBefore(text: string, tokens: readonly WordToken[], j: number): boolean {
  return /[^\s-]/.test(text.slice(tokens[j - 1].end, tokens[j].start));
}

/** The index term of the source's word a statement word was matched to. */
function counterpartTerm(match: WordMatch): string | undefined {
  const token = match.counterpart ? wordTokens(match.counterpart)[0] : undefined;
  return token ? tokenTerm(token) : match.word.term;
}

const SAME_SENSE = new Set(['same', 'inflection', 'derived', 'synonym', 'abbreviation']);
const STOPPING = /^(?:stop|stops|stopped|stopping|halt|halts|halted|halting|cease|ceases|ceased|ceasing)$/;

/** A passage with its neighbouring sentences, where a stance may be stated ("30% more" the sentence before). */
function around(passage: Passage, context: CheckContext): string {
  return context.documents.get(passage.docId)?.text.slice(passage.contextStart, passage.contextEnd) ?? passage.text;
}
