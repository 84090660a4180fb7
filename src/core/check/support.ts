import { contentTerms, wordTokens, tokenTerm } from '../search/tokenize';
import { STOP_WORDS } from '../search/stopWords';
import { coverage, type Coverage } from '../search/coverage';
import type { ScoredPassage } from '../search/passageIndex';
import type { CheckContext } from './context';

/** How well the best passages cover a statement's content. */
export interface SupportAssessment {
  /** Best first. */
  candidates: ScoredPassage[];
  best?: ScoredPassage;
  cover?: Coverage;
  /** Named entities of the statement that the best passage (with its neighbours) never mentions. */
  missingEntities: string[];
  supported: boolean;
}

// Figures and calendar words are judged by the number check, not by word overlap.
const CALENDAR = /^(?:januari|februari|march|april|mai|may|june|juli|august|septemb|octob|novemb|decemb|mondai|tuesdai|wednesdai|thursdai|fridai|saturdai|sundai)$/;
// Reporting verbs vary freely between a source and a faithful paraphrase.
const REPORTING = new Set(['sai', 'say', 'tell', 'call', 'add', 'note', 'explain', 'report', 'state', 'describ', 'accord']);

export function termWeight(term: string): number {
  if (/^\d/.test(term) || CALENDAR.test(term)) return 0;
  if (REPORTING.has(term)) return 0.3;
  return 1;
}

/** Supported: most of the statement's weighted content is in one passage and no named entity is missing. */
export const SUPPORT_THRESHOLD = 0.62;
const CANDIDATES = 8;

/** Capitalized words (not a sentence-opening function word) and acronyms: the names a passage must share. */
export function entityTerms(text: string, isCommonWord: (term: string) => boolean = () => false): string[] {
  const entities: string[] = [];
  wordTokens(text).forEach((token, position) => {
    if (!/^\p{Lu}/u.test(token.raw) || STOP_WORDS.has(token.norm)) return;
    const term = tokenTerm(token);
    // The first word is capitalized anyway: a name only if the corpus never writes it in lower case.
    if (term === undefined || termWeight(term) === 0 || (position === 0 && isCommonWord(term))) return;
    entities.push(term);
  });
  return [...new Set(entities)];
}

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
  const entities = entityTerms(text, (term) => index.isCommonWord(term));
  const best = candidates[0];
  if (!best) return { candidates, missingEntities: entities, supported: false };
  const cover = coverage(terms, best.sentenceTerms, best.contextTerms, index.stats, termWeight);
  const missingEntities = entities.filter((e) => !mentions(best.sentenceTerms, e) && !mentions(best.contextTerms, e));
  const topicOnly = missingEntities.length === 1 && cover.score >= TOPIC_COVERAGE && context.termCountIn(best.passage.docId, missingEntities[0]) >= TOPIC_MENTIONS;
  const supported = cover.score >= SUPPORT_THRESHOLD && (missingEntities.length === 0 || topicOnly);
  return { candidates, best, cover, missingEntities, supported };
}

/** A name is mentioned as itself or as its adjective: "Russia" in "the Russians", "China" in "Chinese". */
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
