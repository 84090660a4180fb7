// The local index and the archives' answers as one PassageRetrieval and one CheckContext: the
// checker verifies archived passages exactly as it verifies local ones.
import type { CheckContext } from '../check/context';
import type { DocumentEntry } from '../documentEntry';
import { contextStartOf, scoreCandidate, type ScoredPassage } from '../search/passageIndex';
import { bm25Idf, type PassageRetrieval, type TermWeights } from '../search/retrieval';
import { contentTerms } from '../search/tokenize';
import type { Passage, SourceDocument, SourceQuote } from '../types';
import { candidatesFor, queryKey, type ArchiveAnswer, type ArchiveQuery } from './archiveReader';

/** IDF over the local corpus and the archives together. */
class CombinedWeights implements TermWeights {
  private readonly passages: number;

  constructor(
    private readonly local: TermWeights & { readonly passageCount?: number },
    localPassages: number,
    private readonly answers: readonly ArchiveAnswer[],
  ) {
    this.passages = localPassages + answers.reduce((n, a) => n + a.passages, 0);
  }

  documentFrequency(term: string): number {
    return this.local.documentFrequency(term) + this.answers.reduce((n, a) => n + (a.terms.get(term)?.passages ?? 0), 0);
  }

  idf(term: string): number {
    return bm25Idf(this.passages, this.documentFrequency(term));
  }
}

export class CombinedRetrieval implements PassageRetrieval {
  readonly stats: TermWeights;
  /** Queries the checker made that no archive was asked (the next round asks them). */
  readonly unasked = new Map<string, ArchiveQuery>();

  constructor(
    private readonly local: PassageRetrieval,
    localPassages: number,
    private readonly answers: readonly ArchiveAnswer[],
    private readonly entries: ReadonlyMap<string, DocumentEntry>,
  ) {
    this.stats = new CombinedWeights(local.stats, localPassages, answers);
  }

  rank(queryTerms: readonly string[], limit: number, weightOf?: (term: string) => number): ScoredPassage[] {
    const key = queryKey(queryTerms);
    const found = [...this.local.rank(queryTerms, limit, weightOf)];
    for (const answer of this.answers) {
      const hits = answer.ranked.get(key);
      if (!hits) {
        this.unasked.set(key, { terms: [...queryTerms], candidates: candidatesFor(limit), weights: weightOf && queryTerms.map(weightOf) });
        continue;
      }
      for (const hit of hits) {
        const entry = this.entries.get(hit.docId);
        const passage = entry?.passages[hit.ordinal];
        if (!entry || !passage) continue;
        const context = entry.doc.text.slice(contextStartOf(passage, entry.passages[hit.ordinal - 1]), passage.contextEnd);
        const terms = { sentenceTerms: new Set(contentTerms(passage.text, true)), contextTerms: new Set(contentTerms(context, true)) };
        found.push(scoreCandidate(queryTerms, passage, terms, hit.relevance, this.stats, weightOf));
      }
    }
    return found.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  passage(id: string): Passage | undefined {
    const local = this.local.passage(id);
    if (local) return local;
    const hash = id.lastIndexOf('#');
    return this.entries.get(id.slice(0, hash))?.passages[Number(id.slice(hash + 1))];
  }

  isCommonWord(term: string): boolean {
    return this.local.isCommonWord(term) || this.answers.some((a) => (a.terms.get(term)?.lowercase ?? 0) > 0);
  }
}

/** The local documents with archived ones, looked up without copying the local map. */
export class LayeredDocuments implements ReadonlyMap<string, SourceDocument> {
  constructor(
    private readonly local: ReadonlyMap<string, SourceDocument>,
    private readonly archived: ReadonlyMap<string, SourceDocument>,
  ) {}

  get(id: string): SourceDocument | undefined {
    return this.local.get(id) ?? this.archived.get(id);
  }

  has(id: string): boolean {
    return this.local.has(id) || this.archived.has(id);
  }

  get size(): number {
    return this.local.size + this.archived.size;
  }

  *entries(): MapIterator<[string, SourceDocument]> {
    yield* this.local.entries();
    yield* this.archived.entries();
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<SourceDocument> {
    for (const [, doc] of this.entries()) yield doc;
  }

  [Symbol.iterator](): MapIterator<[string, SourceDocument]> {
    return this.entries();
  }

  forEach(callback: (value: SourceDocument, key: string, map: ReadonlyMap<string, SourceDocument>) => void): void {
    for (const [id, doc] of this.entries()) callback(doc, id, this);
  }
}

/** A check context over the local corpus plus the archives' answers. */
export function combinedContext(local: CheckContext, localPassages: number, answers: readonly ArchiveAnswer[]): { context: CheckContext; retrieval: CombinedRetrieval } {
  const archived = new Map<string, DocumentEntry>();
  for (const answer of answers) for (const [id, entry] of answer.documents) archived.set(id, entry);
  const retrieval = new CombinedRetrieval(local.index, localPassages, answers, archived);
  const termCounts = new Map<string, Map<string, number>>();
  let allQuotes: SourceQuote[] | undefined;
  const context: CheckContext = {
    index: retrieval,
    documents: new LayeredDocuments(local.documents, new Map([...archived].map(([id, entry]) => [id, entry.doc]))),
    passagesOf: (docId) => archived.get(docId)?.passages ?? local.passagesOf(docId),
    quotesOf: (docId) => archived.get(docId)?.quotes ?? local.quotesOf(docId),
    mentionsOf: (docId) => archived.get(docId)?.mentions ?? local.mentionsOf(docId),
    allQuotes: () => {
      if (archived.size === 0) return local.allQuotes();
      allQuotes ??= [...local.allQuotes(), ...[...archived.values()].flatMap((e) => e.quotes)];
      return allQuotes;
    },
    termCountIn: (docId, term) => {
      const entry = archived.get(docId);
      if (!entry) return local.termCountIn(docId, term);
      let counts = termCounts.get(docId);
      if (!counts) {
        counts = new Map();
        for (const t of contentTerms(entry.doc.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
        termCounts.set(docId, counts);
      }
      return counts.get(term) ?? 0;
    },
  };
  return { context, retrieval };
}
