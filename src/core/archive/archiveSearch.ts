// Related passages and quote completion over the local corpus and the newsroom's archives: the
// archives answer within a deadline (a late one is left out), and their passages are ranked with
// the local ones by the same scoring, their quotations filtered by the same words.
import type { SourcedEngine } from '../engine';
import { filterQuotes } from '../quotes/quoteFilter';
import { contentTerms } from '../search/tokenize';
import type { PassageHit, SourceDocument, SourceQuote } from '../types';
import { askArchives } from './archiveCheck';
import { candidatesFor, type ArchiveAnswer, type ArchiveReader } from './archiveReader';
import { combinedContext } from './archiveRetrieval';
import type { ArchiveProblem } from './connection';
import type { DocumentEntry } from '../documentEntry';

export interface ArchiveLookup {
  problems: Array<{ reader: ArchiveReader; problem: ArchiveProblem }>;
  answered: ArchiveReader[];
  /** The archived documents the result cites, by id. */
  archived: ReadonlyMap<string, SourceDocument>;
}

export interface ArchiveSearchResult extends ArchiveLookup {
  hits: PassageHit[];
}

/** The passages for `query` (as SourcedEngine.search finds them) over the local corpus and the archives. */
export async function searchWithArchives(engine: SourcedEngine, query: string, readers: readonly ArchiveReader[], limit: number, deadlineMs: number): Promise<ArchiveSearchResult> {
  const local = engine.checkContext();
  const terms = contentTerms(query);
  const request = {
    queries: [{ terms, candidates: candidatesFor(limit) }],
    quotes: [],
    local: { passages: engine.passageCount, documentFrequency: (term: string) => local.index.stats.documentFrequency(term) },
  };
  const answers: ArchiveAnswer[] = [];
  const lookup = await ask(readers, (reader) => reader.retrieve(request), deadlineMs, (answer) => {
    answers.push(answer);
    return [...answer.documents.values()];
  });
  const { retrieval } = combinedContext(local, engine.passageCount, answers);
  const hits = retrieval.rank(terms, limit).map(({ passage, score, matchedTerms }) => ({ passage, score, matchedTerms }));
  return { ...lookup, hits };
}

export interface ArchiveQuotesResult extends ArchiveLookup {
  quotes: SourceQuote[];
}

/** The quotations holding the words typed after a quotation mark, local and archived, best first (as filterQuotes orders them). */
export async function quotesWithArchives(engine: SourcedEngine, typed: string, readers: readonly ArchiveReader[], limit: number, deadlineMs: number): Promise<ArchiveQuotesResult> {
  const archivedQuotes: SourceQuote[] = [];
  const lookup = await ask(readers, (reader) => reader.quotesHolding(typed, limit), deadlineMs, (entries) => {
    for (const entry of entries) archivedQuotes.push(...entry.quotes);
    return entries;
  });
  return { ...lookup, quotes: filterQuotes(archivedQuotes.length > 0 ? [...engine.quotes(), ...archivedQuotes] : engine.quotes(), typed, limit) };
}

async function ask<T>(readers: readonly ArchiveReader[], work: (reader: ArchiveReader) => Promise<T>, deadlineMs: number, entriesOf: (answer: T) => DocumentEntry[]): Promise<ArchiveLookup> {
  const lookup = { problems: [] as ArchiveLookup['problems'], answered: [] as ArchiveReader[], archived: new Map<string, SourceDocument>() };
  await askArchives(
    readers,
    work,
    deadlineMs,
    (reader, answer) => {
      lookup.answered.push(reader);
      for (const entry of entriesOf(answer)) lookup.archived.set(entry.doc.id, entry.doc);
    },
    (reader, problem) => lookup.problems.push({ reader, problem }),
  );
  return lookup;
}
