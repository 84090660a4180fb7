import { wordTokens, tokenTerm, acronymTerm } from '../search/tokenize';
import { STOP_WORDS } from '../search/stopWords';
import { isTitleWord } from '../quotes/names';

/** A name in a statement: one or more capitalized words in a row ("Wang Yi", "United States"). */
export interface EntityGroup {
  terms: string[];
  acronym?: string;
}

/**
 * Names of a statement, titles left out. The first word counts only if the corpus never writes
 * it in lower case (otherwise its capital is just sentence case).
 */
export function entityGroups(text: string, isCommonWord: (term: string) => boolean, isFigure: (term: string) => boolean): EntityGroup[] {
  const groups: EntityGroup[] = [];
  let words: string[] = [];
  let terms: string[] = [];
  const close = (): void => {
    if (terms.length > 0) groups.push({ terms: [...new Set(terms)], acronym: acronymTerm(words) });
    words = [];
    terms = [];
  };
  wordTokens(text).forEach((token, position) => {
    const term = tokenTerm(token);
    const capitalized = /^\p{Lu}/u.test(token.raw) && !STOP_WORDS.has(token.norm);
    if (!capitalized || term === undefined || isFigure(term) || isTitleWord(token.raw) || (position === 0 && isCommonWord(term))) {
      close();
      return;
    }
    words.push(token.raw);
    terms.push(term);
  });
  close();
  return groups;
}

export interface EntityEvidence {
  sentenceTerms: ReadonlySet<string>;
  contextTerms: ReadonlySet<string>;
  /** How often the passage's document uses a term. */
  documentCount(term: string): number;
}

/**
 * A name is there as itself, as its adjective ("Chinese" for "China"), as its acronym ("US" for
 * "United States"), or by part of it ("Wang" for "Wang Yi") when the document names it in full.
 */
export function entityPresent(group: EntityGroup, evidence: EntityEvidence): boolean {
  const has = (term: string): boolean => mentions(evidence.sentenceTerms, term) || mentions(evidence.contextTerms, term);
  if (group.terms.every(has)) return true;
  if (group.acronym && has(group.acronym)) return true;
  return group.terms.length > 1 && group.terms.some(has) && group.terms.every((t) => evidence.documentCount(t) > 0);
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
