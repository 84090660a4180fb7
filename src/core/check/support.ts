import { contentTerms, tokenTerm, wordTokens } from '../search/tokenize';
import { entityGroups, entityPresent, type EntityGroup } from './entities';
import { statedStances, unstatedStance } from './stance';
import { paraphrasedTerms } from './paraphrases';
import { quoteSpeakers, referredTerms } from './references';
import { coverage, type Coverage } from '../search/coverage';
import type { ScoredPassage } from '../search/passageIndex';
import type { PassageRetrieval } from '../search/retrieval';
import type { CheckContext } from './context';
import { reversedWord } from './opposites';

/** How well the best passages cover a statement's content. */
export interface SupportAssessment {
  /** Best first. */
  candidates: ScoredPassage[];
  best?: ScoredPassage;
  cover?: Coverage;
  /** Named entities of the statement that the best passage (with its neighbours) never mentions. */
  missingEntities: string[];
  /** A stance or direction word of the statement ("condemned", "higher") the best passage does not state, as written. */
  unstatedStance?: string;
  supported: boolean;
}

// Figures and calendar words are judged by the number check, not by word overlap.
const CALENDAR = /^(?:januari|februari|march|april|mai|may|june|juli|august|septemb|octob|novemb|decemb|mondai|tuesdai|wednesdai|thursdai|fridai|saturdai|sundai)$/;
// Words that belong to a figure ("30 percent") and are compared with it.
const FIGURE_UNITS = new Set(['percent', 'cent', 'thousand', 'million', 'billion', 'trillion']);
// Reporting verbs vary freely between a source and a faithful paraphrase.
const REPORTING = new Set(['sai', 'say', 'tell', 'call', 'add', 'note', 'explain', 'report', 'state', 'describ', 'accord']);

// "62-year-old", "68 years old": the age is the figure, which the number check compares.
const AGE_UNIT = /[\s-]+years?[\s-]+old\b/gi;

function termWeight(term: string): number {
  if (/^\d/.test(term) || CALENDAR.test(term) || FIGURE_UNITS.has(term)) return 0;
  if (REPORTING.has(term)) return 0.3;
  return 1;
}

/** Supported: most of the statement's weighted content is in one passage and no named entity is missing. */
const SUPPORT_THRESHOLD = 0.62;
const CANDIDATES = 8;

/**
 * An article names its subject once and then says "its northern neighbor": a name missing from
 * the passage is tolerated when the document keeps naming it and the rest is well covered.
 */
const TOPIC_MENTIONS = 3;
const TOPIC_COVERAGE = 0.75;

export function assessSupport(text: string, context: CheckContext): SupportAssessment {
  const index = context.index;
  const terms = contentTerms(text.replace(AGE_UNIT, ''));
  const groups = entityGroups(text, (term) => index.isCommonWord(term), (term) => termWeight(term) === 0);
  const candidates = rerank(terms, groups, index.rank(terms, CANDIDATES, termWeight), context);
  const best = candidates[0];
  if (!best) return { candidates, missingEntities: groups.flatMap((g) => g.terms), supported: false };
  const documentCount = (term: string): number => context.termCountIn(best.passage.docId, term);
  const missing = groups.filter((g) => !entityPresent(g, { sentenceTerms: best.sentenceTerms, contextTerms: best.contextTerms, documentCount }));
  const cover = coverage(terms, readTerms(terms, groups, best, context), best.contextTerms, index.stats, termWeight);
  const statementTerms = new Set(terms);
  const missingEntities = missing.flatMap((g) => g.terms);
  const topicOnly =
    missing.length === 1 &&
    // Who said something is part of the claim, never an unnamed topic.
    !missing[0].speaker &&
    cover.score >= TOPIC_COVERAGE &&
    missing[0].terms.every((t) => documentCount(t) >= TOPIC_MENTIONS) &&
    !namesOthers(best.passage.text, statementTerms, index) &&
    // Words inside a quote are its speaker's: a name the quote does not carry is someone else's claim.
    quoteSpeakers(best.passage, context).size === 0;
  const samePolarity = negatesShared(text, best.sentenceTerms) === negatesShared(best.passage.text, statementTerms);
  const unstated = stanceNotInPassage(text, terms, best) ?? reversedWord(text, best.passage.text);
  const supported = cover.score >= SUPPORT_THRESHOLD && (missingEntities.length === 0 || topicOnly) && samePolarity && !unstated;
  return { candidates, best, cover, missingEntities, unstatedStance: unstated, supported };
}

// The share of coverage in a candidate's rank score (see PassageIndex.rank).
const COVERAGE_SHARE = 0.9;

/**
 * Candidates re-ranked by what each passage says once read as a reader would: an anaphoric
 * sentence ("This is about 30% more than in 2021.") says what came just before it, a quote says
 * who speaks it, names may appear under another form, and a stance under a synonym.
 */
function rerank(terms: readonly string[], groups: readonly EntityGroup[], candidates: readonly ScoredPassage[], context: CheckContext): ScoredPassage[] {
  const stats = context.index.stats;
  const read = candidates.map((candidate) => {
    const sentenceTerms = new Set([...candidate.sentenceTerms, ...referredTerms(candidate.passage, context)]);
    const before = coverage(terms, candidate.sentenceTerms, candidate.contextTerms, stats, termWeight).score;
    const after = coverage(terms, readTerms(terms, groups, { ...candidate, sentenceTerms }, context), candidate.contextTerms, stats, rankWeight).score;
    return { ...candidate, sentenceTerms, score: candidate.score + COVERAGE_SHARE * (after - before) };
  });
  return read.sort((a, b) => b.score - a.score);
}

/** For ranking, a passage that gives the statement's figures and dates ("in 2021") is the one it draws on. */
function rankWeight(term: string): number {
  return /^\d/.test(term) ? 1 : termWeight(term);
}

/** The passage's sentence terms plus the statement's names, stance words and paraphrased words it carries in another form. */
function readTerms(terms: readonly string[], groups: readonly EntityGroup[], candidate: ScoredPassage, context: CheckContext): Set<string> {
  const documentCount = (term: string): number => context.termCountIn(candidate.passage.docId, term);
  const present = groups.filter((g) => entityPresent(g, { sentenceTerms: candidate.sentenceTerms, contextTerms: candidate.contextTerms, documentCount })).flatMap((g) => g.terms);
  const forms = passageForms(candidate);
  return new Set([...candidate.sentenceTerms, ...present, ...statedStances(terms, forms), ...paraphrasedTerms(terms, forms)]);
}

function passageForms(candidate: ScoredPassage): Set<string> {
  return new Set([...candidate.sentenceTerms, ...candidate.contextTerms, ...wordTokens(candidate.passage.text).map((t) => t.norm)]);
}

/** The statement's stance word (as written) that the passage, with its neighbours, states in no form. */
function stanceNotInPassage(text: string, terms: readonly string[], best: ScoredPassage): string | undefined {
  const term = unstatedStance(terms, passageForms(best));
  return term === undefined ? undefined : wordTokens(text).find((t) => tokenTerm(t) === term)?.raw;
}

const NEGATION = /^(?:no|not|never|nothing|none|nobody|cannot|neither|nor|refuse|refuses|refused|refrain|refrains|refrained|stop|stops|stopped|stopping|halt|halts|halted|halting|cease|ceases|ceased|ceasing|without|.*n't)$/;
const NEGATION_SCOPE = 3;

/**
 * Whether the text negates one of the shared words ("sees no evidence" against "has found
 * evidence"): a negation counts only right before a word both texts use, not in another clause,
 * and two in a row affirm ("does not refuse to support" supports). Verbs of stopping negate what
 * follows ("stopped supporting Russia"), so "halt the spread" and "stop the spread" agree.
 */
function negatesShared(text: string, shared: ReadonlySet<string>): boolean {
  const tokens = wordTokens(text.replace(/\u2019/g, "'"));
  const negation = (i: number): boolean => NEGATION.test(tokens[i].raw.toLowerCase());
  const isShared = (i: number): boolean => {
    const term = tokenTerm(tokens[i]);
    return term !== undefined && shared.has(term);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!negation(i)) continue;
    for (let j = i + 1; j <= i + NEGATION_SCOPE && j < tokens.length; j++) {
      if (negation(j)) {
        i = j;
        break;
      }
      if (isShared(j)) return true;
    }
  }
  return false;
}

/** The passage names someone or somewhere the statement does not: "troops to Russia" for "troops to Ukraine". */
function namesOthers(passageText: string, statementTerms: ReadonlySet<string>, index: PassageRetrieval): boolean {
  return entityGroups(passageText, (term) => index.isCommonWord(term), (term) => termWeight(term) === 0).some((group) => !group.terms.some((t) => statementTerms.has(t)));
}
