import { contentTerms, wordTokens, tokenTerm } from '../search/tokenize';
import { STOP_WORDS } from '../search/stopWords';
import { coverage, type Coverage } from '../search/coverage';
import type { PassageIndex, ScoredPassage } from '../search/passageIndex';

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
export function entityTerms(text: string): string[] {
  const entities: string[] = [];
  for (const token of wordTokens(text)) {
    if (!/^\p{Lu}/u.test(token.raw) || STOP_WORDS.has(token.norm)) continue;
    const term = tokenTerm(token);
    if (term !== undefined && termWeight(term) > 0) entities.push(term);
  }
  return [...new Set(entities)];
}

export function assessSupport(text: string, index: PassageIndex): SupportAssessment {
  const terms = contentTerms(text);
  const candidates = index.rank(terms, CANDIDATES, termWeight);
  const entities = entityTerms(text);
  const best = candidates[0];
  if (!best) return { candidates, missingEntities: entities, supported: false };
  const cover = coverage(terms, best.sentenceTerms, best.contextTerms, index.stats, termWeight);
  const missingEntities = entities.filter((e) => !best.sentenceTerms.has(e) && !best.contextTerms.has(e));
  const supported = cover.score >= SUPPORT_THRESHOLD && missingEntities.length === 0;
  return { candidates, best, cover, missingEntities, supported };
}
