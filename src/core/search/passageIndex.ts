import MiniSearch from 'minisearch';
import type { Passage, PassageHit } from '../types';
import { contentTerms, tokenTerm, wordTokens } from './tokenize';
import { TermStats } from './termStats';
import { coverage } from './coverage';

interface IndexedPassage {
  id: string;
  text: string;
  context: string;
}

/** A scored candidate passage with the term sets the checker reuses. */
export interface ScoredPassage extends PassageHit {
  sentenceTerms: ReadonlySet<string>;
  contextTerms: ReadonlySet<string>;
}

const MAX_QUERY_TERMS = 8;
const identity = (term: string): string => term;
const splitTerms = (text: string): string[] => text.split(' ');

/**
 * Full-text index over passages: minisearch finds candidates from the query's most
 * informative terms, then candidates are re-ranked by IDF-weighted coverage of the query.
 */
export class PassageIndex {
  private readonly search = new MiniSearch<IndexedPassage>({
    fields: ['text', 'context'],
    idField: 'id',
    // Terms are made in one pass (stop words, acronyms, stemming) by contentTerms.
    tokenize: (text: string) => contentTerms(text, true),
    processTerm: identity,
    searchOptions: { boost: { text: 2, context: 0.5 }, combineWith: 'OR', prefix: false, fuzzy: false },
  });
  private readonly passages = new Map<string, { passage: Passage; context: string }>();
  private readonly byDocument = new Map<string, string[]>();
  readonly stats = new TermStats();
  /** Terms the corpus writes in lower case somewhere: common words, not names. */
  private readonly lowercase = new TermStats();

  get size(): number {
    return this.passages.size;
  }

  /** Adds (or replaces) every passage of one document; `documentText` supplies neighbour context. */
  setDocument(docId: string, documentText: string, passages: readonly Passage[]): void {
    this.removeDocument(docId);
    const entries: IndexedPassage[] = [];
    for (const passage of passages) {
      const context = documentText.slice(passage.contextStart, passage.contextEnd);
      this.passages.set(passage.id, { passage, context });
      this.stats.add(contentTerms(passage.text));
      this.lowercase.add(lowercaseTerms(passage.text));
      entries.push({ id: passage.id, text: passage.text, context });
    }
    this.search.addAll(entries);
    this.byDocument.set(docId, passages.map((p) => p.id));
  }

  removeDocument(docId: string): void {
    const ids = this.byDocument.get(docId);
    if (!ids) return;
    for (const id of ids) {
      const entry = this.passages.get(id);
      if (!entry) continue;
      this.stats.remove(contentTerms(entry.passage.text));
      this.lowercase.remove(lowercaseTerms(entry.passage.text));
      this.search.discard(id);
      this.passages.delete(id);
    }
    this.byDocument.delete(docId);
  }

  /** True when the corpus uses the term as an ordinary lower-case word ("trade"), so a capital is only sentence case. */
  isCommonWord(term: string): boolean {
    return this.lowercase.documentFrequency(term) > 0;
  }

  passage(id: string): Passage | undefined {
    return this.passages.get(id)?.passage;
  }

  /** The query's terms the corpus knows, most informative first, at most `max`. */
  informativeTerms(terms: readonly string[], max = MAX_QUERY_TERMS): string[] {
    const known = [...new Set(terms)].filter((term) => this.stats.documentFrequency(term) > 0);
    return known.sort((a, b) => this.stats.idf(b) - this.stats.idf(a)).slice(0, max);
  }

  /** Candidates for a list of query terms, re-ranked by coverage, best first. */
  rank(queryTerms: readonly string[], limit: number, weightOf?: (term: string) => number): ScoredPassage[] {
    const informative = this.informativeTerms(queryTerms);
    if (informative.length === 0) return [];
    const raw = this.search.search(informative.join(' '), { tokenize: splitTerms, processTerm: identity });
    const candidates = raw.slice(0, Math.max(limit * 4, 24));
    const best = raw.length > 0 ? raw[0].score : 1;
    const scored = candidates.map((result) => {
      const entry = this.passages.get(String(result.id))!;
      const sentenceTerms = new Set(contentTerms(entry.passage.text, true));
      const contextTerms = new Set(contentTerms(entry.context, true));
      const cover = coverage(queryTerms, sentenceTerms, contextTerms, this.stats, weightOf);
      // Coverage decides; the engine's own BM25 score breaks near-ties.
      const score = cover.score * 0.9 + 0.1 * (result.score / best);
      return { passage: entry.passage, score, matchedTerms: matchedWords(entry.passage.text, new Set([...cover.inSentence])), sentenceTerms, contextTerms };
    });
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  searchText(query: string, limit = 10): PassageHit[] {
    return this.rank(contentTerms(query), limit).map(({ passage, score, matchedTerms }) => ({ passage, score, matchedTerms }));
  }
}

/** The words of `text` whose index term is in `terms`, as written, for emphasis. */
function matchedWords(text: string, terms: ReadonlySet<string>): string[] {
  const words = new Set<string>();
  for (const token of wordTokens(text)) {
    const term = tokenTerm(token);
    if (term !== undefined && terms.has(term)) words.add(token.raw);
  }
  return [...words];
}

function lowercaseTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of wordTokens(text)) {
    if (!/^\p{Ll}/u.test(token.raw)) continue;
    const term = tokenTerm(token);
    if (term !== undefined) terms.push(term);
  }
  return terms;
}
