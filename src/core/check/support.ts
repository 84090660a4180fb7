import { contentTerms, tokenTerm, wordTokens } from '../search/tokenize';
import { entityGroups, entityPresent } from './entities';
import { unstatedStance } from './stance';
import { coverage, type Coverage } from '../search/coverage';
import type { PassageIndex, ScoredPassage } from '../search/passageIndex';
import type { CheckContext } from './context';

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

export function termWeight(term: string): number {
  if (/^\d/.test(term) || CALENDAR.test(term) || FIGURE_UNITS.has(term)) return 0;
  if (REPORTING.has(term)) return 0.3;
  return 1;
}

/** Supported: most of the statement's weighted content is in one passage and no named entity is missing. */
export const SUPPORT_THRESHOLD = 0.62;
const CANDIDATES = 8;

/**
 * An article names its subject once and then says "its northern neighbor": a name missing from
 * the passage is tolerated when the document keeps naming it and the rest is well covered.
 */
const TOPIC_MENTIONS = 3;
const TOPIC_COVERAGE = 0.75;

export function assessSupport(text: string, context: CheckContext): SupportAssessment {
  const index = context.index;
  const terms = contentTerms(text);
  const candidates = index.rank(terms, CANDIDATES, termWeight);
  const groups = entityGroups(text, (term) => index.isCommonWord(term), (term) => termWeight(term) === 0);
  const best = candidates[0];
  if (!best) return { candidates, missingEntities: groups.flatMap((g) => g.terms), supported: false };
  const documentCount = (term: string): number => context.termCountIn(best.passage.docId, term);
  const missing = groups.filter((g) => !entityPresent(g, { sentenceTerms: best.sentenceTerms, contextTerms: best.contextTerms, documentCount }));
  // Names the passage carries under another form count as covered words too.
  const present = new Set(groups.filter((g) => !missing.includes(g)).flatMap((g) => g.terms));
  const sentenceTerms = new Set([...best.sentenceTerms, ...present]);
  const cover = coverage(terms, sentenceTerms, best.contextTerms, index.stats, termWeight);
  const statementTerms = new Set(terms);
  const missingEntities = missing.flatMap((g) => g.terms);
  const topicOnly =
    missing.length === 1 &&
    cover.score >= TOPIC_COVERAGE &&
    missing[0].terms.every((t) => documentCount(t) >= TOPIC_MENTIONS) &&
    !namesOthers(best.passage.text, statementTerms, index);
  const samePolarity = negatesShared(text, best.sentenceTerms) === negatesShared(best.passage.text, statementTerms);
  const unstated = stanceNotInPassage(text, terms, best);
  const supported = cover.score >= SUPPORT_THRESHOLD && (missingEntities.length === 0 || topicOnly) && samePolarity && !unstated;
  return { candidates, best, cover, missingEntities, unstatedStance: unstated, supported };
}

/** The statement's stance word (as written) that the passage, with its neighbours, states in no form. */
function stanceNotInPassage(text: string, terms: readonly string[], best: ScoredPassage): string | undefined {
  const forms = new Set([...best.sentenceTerms, ...best.contextTerms, ...wordTokens(best.passage.text).map((t) => t.norm)]);
  const term = unstatedStance(terms, forms);
  return term === undefined ? undefined : wordTokens(text).find((t) => tokenTerm(t) === term)?.raw;
}

const NEGATION = /^(?:no|not|never|nothing|none|nobody|cannot|neither|nor|refuse|refuses|refused|without|.*n't)$/;
const NEGATION_SCOPE = 3;

/**
 * Whether the text negates one of the shared words ("sees no evidence" against "has found
 * evidence"): a negation counts only right before a word both texts use, not in another clause.
 */
function negatesShared(text: string, shared: ReadonlySet<string>): boolean {
  const tokens = wordTokens(text.replace(/\u2019/g, "'"));
  return tokens.some((token, i) => {
    if (!NEGATION.test(token.raw.toLowerCase())) return false;
    return tokens.slice(i + 1, i + 1 + NEGATION_SCOPE).some((next) => {
      const term = tokenTerm(next);
      return term !== undefined && shared.has(term);
    });
  });
}

/** The passage names someone or somewhere the statement does not: "troops to Russia" for "troops to Ukraine". */
function namesOthers(passageText: string, statementTerms: ReadonlySet<string>, index: PassageIndex): boolean {
  return entityGroups(passageText, (term) => index.isCommonWord(term), (term) => termWeight(term) === 0).some((group) => !group.terms.some((t) => statementTerms.has(t)));
}
