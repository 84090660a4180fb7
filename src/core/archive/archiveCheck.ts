// Checking a draft against the local corpus and the newsroom's archives. The checker is
// synchronous and the archives are across the network, so a check runs in rounds: a first pass
// over the local corpus records the searches the checker makes, the archives answer those
// searches (each within the deadline; a late answer is dropped), and the draft is checked again
// over both. A search the second pass makes that the first did not is asked in one more round.
import type { SourcedEngine } from '../engine';
import type { CheckContext } from '../check/context';
import { findQuoteSpans } from '../quotes/quoteSpans';
import type { ScoredPassage } from '../search/passageIndex';
import type { PassageRetrieval } from '../search/retrieval';
import type { SourceDocument, StatementResult } from '../types';
import { combinedContext } from './archiveRetrieval';
import { candidatesFor, type ArchiveAnswer, type ArchiveQuery, type ArchiveReader } from './archiveReader';
import { describeArchiveError, withDeadline, type ArchiveProblem } from './connection';

export interface ArchiveCheckOptions {
  /** Milliseconds the archives have to answer a round; then checking goes on without the late ones. */
  deadlineMs: number;
}

export interface ArchiveCheckResult {
  results: StatementResult[];
  /** The archives that could not answer, and why. */
  problems: Array<{ reader: ArchiveReader; problem: ArchiveProblem }>;
  /** The archives that answered every round. */
  answered: ArchiveReader[];
  /** A document the results cite, local or archived. */
  documentOf(id: string): SourceDocument | undefined;
}

const ROUNDS = 2;

/** Wraps a retrieval, writing down every search made through it. */
function recording(context: CheckContext, queries: Map<string, ArchiveQuery>): CheckContext {
  const inner = context.index;
  const index: PassageRetrieval = {
    stats: inner.stats,
    rank(terms: readonly string[], limit: number, weightOf?: (term: string) => number): ScoredPassage[] {
      queries.set(terms.join(' '), { terms: [...terms], candidates: candidatesFor(limit), weights: weightOf && terms.map(weightOf) });
      return inner.rank(terms, limit, weightOf);
    },
    passage: (id) => inner.passage(id),
    isCommonWord: (term) => inner.isCommonWord(term),
  };
  return { ...context, index };
}

function draftQuotes(engine: SourcedEngine, markdown: string): string[] {
  return engine.extractStatements(markdown).flatMap((s) => findQuoteSpans(s.text).map((span) => s.text.slice(span.start, span.end)));
}

export async function checkWithArchives(engine: SourcedEngine, markdown: string, readers: readonly ArchiveReader[], options: ArchiveCheckOptions): Promise<ArchiveCheckResult> {
  const local = engine.checkContext();
  let queries = new Map<string, ArchiveQuery>();
  let results = engine.checkDraftWith(markdown, recording(local, queries));
  let documents = local.documents;
  if (readers.length === 0) return { results, problems: [], answered: [], documentOf: (id) => documents.get(id) };
  const quotes = draftQuotes(engine, markdown);
  const problems = new Map<ArchiveReader, ArchiveProblem>();
  const answers = new Map<ArchiveReader, ArchiveAnswer>();
  const localPassages = engine.passageCount;
  for (let round = 0; round < ROUNDS && queries.size > 0; round++) {
    const request = {
      queries: [...queries.values()],
      quotes: round === 0 ? quotes : [],
      local: { passages: localPassages, documentFrequency: (term: string) => local.index.stats.documentFrequency(term) },
    };
    await askArchives(
      readers.filter((r) => !problems.has(r)),
      (reader) => reader.retrieve(request),
      options.deadlineMs,
      (reader, answer) => {
        const before = answers.get(reader);
        answers.set(reader, before ? mergeAnswers(before, answer) : answer);
      },
      (reader, problem) => {
        problems.set(reader, problem);
        answers.delete(reader);
      },
    );
    const all = [...answers.values()];
    if (all.length === 0) break;
    const { context, retrieval } = combinedContext(local, localPassages, all);
    results = engine.checkDraftWith(markdown, context);
    documents = context.documents;
    queries = new Map(retrieval.unasked);
  }
  return { results, problems: [...problems].map(([reader, problem]) => ({ reader, problem })), answered: [...answers.keys()], documentOf: (id) => documents.get(id) };
}

/** Asks each archive within the deadline; a late or failed answer becomes the archive's problem. */
export async function askArchives<T>(
  readers: readonly ArchiveReader[],
  ask: (reader: ArchiveReader) => Promise<T>,
  deadlineMs: number,
  onAnswer: (reader: ArchiveReader, answer: T) => void,
  onProblem: (reader: ArchiveReader, problem: ArchiveProblem) => void,
): Promise<void> {
  await Promise.all(
    readers.map(async (reader) => {
      try {
        onAnswer(reader, await withDeadline(ask(reader), deadlineMs));
      } catch (error) {
        onProblem(reader, describeArchiveError(error, reader.label));
      }
    }),
  );
}

/** One archive's answers to two rounds as one (the later round's totals are the current ones). */
function mergeAnswers(first: ArchiveAnswer, second: ArchiveAnswer): ArchiveAnswer {
  return {
    reader: second.reader,
    passages: second.passages,
    terms: new Map([...first.terms, ...second.terms]),
    ranked: new Map([...first.ranked, ...second.ranked]),
    documents: new Map([...first.documents, ...second.documents]),
  };
}
