// A reporter's side of an archive: asks PostgreSQL for candidate passages (full-text ranking
// with ts_rank over Sourced's own index terms, pg_trgm for quotations) and fetches the documents
// they sit in, with what Sourced derived at ingest. SELECT only. Documents and term statistics
// are cached in bounded amounts, so the extension's memory does not grow with the archive.
import type { Pool } from 'pg';
import type { DocumentEntry } from '../documentEntry';
import { capitalizedTerms, wordTokens } from '../search/tokenize';
import { quoteWords } from '../quotes/quoteWords';
import { bm25Idf } from '../search/retrieval';
import { archiveLabel, DEFAULT_MAX_CONNECTIONS, describeArchiveError, openPool, type ArchiveConnectionOptions } from './connection';
import { fromDocumentRow, metadataFromColumns, tsLexeme, type MetadataColumns, type StoredDocument } from './documentRow';
import { requireReadableSchema } from './schema';
import { COMMON_TERM_PASSAGES } from '../search/postings';

export interface ArchiveSpec {
  /** Shown in results and links ("newsroom"); a document's id is `${name}:${key}`. */
  name: string;
  url: string;
  password?: string;
}

/** One search the checker made: its terms, as passed to PassageRetrieval.rank, and how many candidates to rank. */
export interface ArchiveQuery {
  terms: readonly string[];
  candidates: number;
  /** The checker's weight of each term (as rank's weightOf gives it); 1 when absent. */
  weights?: readonly number[];
}

/**
 * Candidates fetched per search: the SQL ranking is already the checker's coverage before its
 * re-reading, so a few more than the results wanted is enough (each candidate's document travels).
 */
export const candidatesFor = (limit: number): number => limit + CANDIDATE_MARGIN;
const CANDIDATE_MARGIN = 4;

/** What one check asks of the archives. */
export interface RetrievalRequest {
  queries: readonly ArchiveQuery[];
  /** Quoted words of the draft, for the quotation search. */
  quotes: readonly string[];
  /** The local corpus's statistics, so the most informative terms are chosen over both. */
  local: { passages: number; documentFrequency(term: string): number };
}

export interface RankedHit {
  docId: string;
  ordinal: number;
  /** ts_rank relative to the query's best, 0..1. */
  relevance: number;
}

export interface TermCount {
  passages: number;
  lowercase: number;
}

/** An archive's answer to one request. */
export interface ArchiveAnswer {
  reader: ArchiveReader;
  passages: number;
  terms: ReadonlyMap<string, TermCount>;
  /** By query key (terms joined by a space). */
  ranked: ReadonlyMap<string, RankedHit[]>;
  /** Every document a hit or a matching quotation is in, by document id. */
  documents: ReadonlyMap<string, DocumentEntry>;
}

export const queryKey = (terms: readonly string[]): string => terms.join(' ');

const MAX_QUERY_TERMS = 8;
/** Most passages one query ranks in SQL, however common its terms: a bound on its time. */
const MAX_RANKED_ROWS = 1_000;
const QUOTE_MATCHES = 12;
/** The quotation search looks for a quote's longest words, all but one of them (the checker's own scan: quoteCheck). */
const QUOTE_PROBE_WORDS = 4;
const MIN_QUOTE_WORDS = 3;
/** Shorter words have no trigram of their own to look up. */
const MIN_TRIGRAM_WORD = 3;
const CACHED_DOCUMENTS = 400;
const CACHED_TERMS = 100_000;
/** Searches whose ranked candidates are kept: a paragraph's statements and a re-check ask the same ones again. */
const CACHED_RANKINGS = 2_000;
/** What a term found only among a passage's neighbours counts for, against its own sentence (as the checker's coverage). */
const CONTEXT_CREDIT = 0.7;

interface RankingQuery {
  key: string;
  /** tsquery text: the terms that find candidates. */
  match: string;
  /** The terms that rank them, each with its weight. */
  terms: Array<{ term: string; weight: number }>;
  candidates: number;
}

/**
 * A candidate's rank is the checker's coverage before its re-reading: the weights of the query
 * terms in its own sentence (weight A in the tsvector), CONTEXT_CREDIT of those only in its
 * neighbours (B). One term a slot, spelled out (not a subquery per row): it is computed for up
 * to MAX_RANKED_ROWS passages of every search.
 */
const RANK_TERMS = Array.from({ length: MAX_QUERY_TERMS }, (_, i) => `CASE WHEN f.terms @@ q.in_sentence[${i + 1}] THEN q.weights[${i + 1}] WHEN f.terms @@ q.anywhere[${i + 1}] THEN $2::float8 * q.weights[${i + 1}] ELSE 0 END`).join(' + ');

/** Each search's best passages among the first MAX_RANKED_ROWS its rarer terms find in the GIN index. */
const RANK_SQL = `SELECT q.n AS query, c.document_id, c.ordinal, c.rank
  FROM jsonb_to_recordset($1::jsonb) AS q(n int, finding tsquery, wanted int, in_sentence tsquery[], anywhere tsquery[], weights float8[])
  CROSS JOIN LATERAL (
    SELECT f.document_id, f.ordinal, ${RANK_TERMS} AS rank
    FROM (SELECT document_id, ordinal, terms FROM sourced_passages WHERE terms @@ q.finding LIMIT $3) f
    ORDER BY rank DESC, f.document_id, f.ordinal
    LIMIT q.wanted
  ) c`;

/** The ranking query is prepared once a connection (its text is long and its plan the same every time). */
const RANK_STATEMENT = 'sourced_rank';

function rankingRecord(query: RankingQuery, n: number) {
  return {
    n,
    finding: query.match,
    wanted: query.candidates,
    in_sentence: query.terms.map((t) => `${tsLexeme(t.term)}:A`),
    anywhere: query.terms.map((t) => tsLexeme(t.term)),
    weights: query.terms.map((t) => t.weight),
  };
}

export class ArchiveReader {
  readonly label: string;
  private pool: Pool | undefined;
  private schemaChecked = false;
  /** By database id; re-inserted on use, so the oldest is dropped first. */
  private readonly documentCache = new Map<string, DocumentEntry>();
  private readonly termCache = new Map<string, TermCount>();
  private termCachePassages = -1;
  /** Ranked candidates by search (terms, weights and candidate count), cleared with the term cache. */
  private readonly rankCache = new Map<string, RankedRow[]>();
  /** Connections the pool may open: a draft's searches are spread over them. */
  private readonly connections: number;

  constructor(
    readonly spec: ArchiveSpec,
    private readonly options: ArchiveConnectionOptions = {},
  ) {
    this.label = `"${spec.name}" (${archiveLabel(spec.url)})`;
    this.connections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  }

  get name(): string {
    return this.spec.name;
  }

  /** The virtual path of an archived document, for links and the read-only view. */
  documentPath(key: string): string {
    return `sourced-archive:/${encodeURIComponent(this.spec.name)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  private db(): Pool {
    this.pool ??= openPool(this.spec.url, { password: this.spec.password, ...this.options });
    return this.pool;
  }

  /** Closes the connections; the next request opens new ones. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.schemaChecked = false;
    await pool?.end().catch(() => undefined);
  }

  /** Connects and checks that the archive has the layout this Sourced reads; throws what is wrong. */
  async verify(): Promise<{ documents: number; passages: number }> {
    await this.ensureSchema();
    const totals = await this.db().query<{ documents: string; passages: string }>('SELECT documents, passages FROM sourced_totals');
    return { documents: Number(totals.rows[0].documents), passages: Number(totals.rows[0].passages) };
  }

  private async ensureSchema(): Promise<void> {
    if (this.schemaChecked) return;
    await requireReadableSchema(this.db(), this.label);
    this.schemaChecked = true;
  }

  async retrieve(request: RetrievalRequest): Promise<ArchiveAnswer> {
    return this.guarded(() => this.retrieveChecked(request));
  }

  /**
   * Documents with a quotation holding every word of 3 letters or more typed after a quotation
   * mark (the trigram index finds them), for completion; the caller filters their quotations.
   */
  async quotesHolding(typed: string, limit: number): Promise<DocumentEntry[]> {
    const words = quoteWords(typed)
      .split(' ')
      .filter((w) => w.length >= MIN_TRIGRAM_WORD);
    if (words.length === 0) return [];
    return this.guarded(async () => {
      await this.ensureSchema();
      const rows = await this.db().query<{ document_id: string }>(
        `SELECT DISTINCT document_id FROM (SELECT document_id FROM sourced_quotes WHERE ${words.map((_, i) => `words ILIKE $${i + 1}`).join(' AND ')} LIMIT ${limit}) found`,
        words.map(containsPattern),
      );
      return [...(await this.documents(rows.rows.map((r) => r.document_id))).values()];
    });
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // The layout may have changed under us, or the connection failed: check the schema again next time.
      this.schemaChecked = false;
      // A connection that failed takes its idle siblings' fate too: the next request connects afresh.
      if (['dropped', 'unreachable'].includes(describeArchiveError(error, this.label).kind)) void this.close();
      throw error;
    }
  }

  private async retrieveChecked(request: RetrievalRequest): Promise<ArchiveAnswer> {
    await this.ensureSchema();
    const queryTerms = [...new Set(request.queries.flatMap((q) => q.terms))];
    const passages = await this.totalsAndTerms(queryTerms);
    const ranking = this.rankingQueries(request, passages);
    const [ranked, quoted] = await settled([this.rank(ranking), this.quotations(request.quotes)] as const);
    const wanted = new Set([...[...ranked.values()].flat().map((h) => h.dbId), ...quoted]);
    const documents = await this.documents([...wanted]);
    // Whether a capitalized word is a name or a sentence-initial common word depends on the archive's lower-case uses.
    const documentTerms = new Set<string>();
    for (const entry of documents.values()) for (const term of capitalizedTermsOf(entry)) documentTerms.add(term);
    await this.loadTerms([...documentTerms]);
    const byId = new Map([...documents].map(([dbId, entry]) => [dbId, entry.doc.id]));
    // Every query asked has an answer, if only an empty one, so the checker does not ask it again.
    const hits = new Map<string, RankedHit[]>();
    for (const { terms } of request.queries) {
      const key = queryKey(terms);
      const list = ranked.get(key) ?? [];
      hits.set(key, list.flatMap((h) => (byId.has(h.dbId) ? [{ docId: byId.get(h.dbId)!, ordinal: h.ordinal, relevance: h.relevance }] : [])));
    }
    const terms = new Map<string, TermCount>();
    for (const term of [...queryTerms, ...documentTerms]) {
      const count = this.termCache.get(term);
      if (count) terms.set(term, count);
    }
    return { reader: this, passages, terms, ranked: hits, documents: new Map([...documents.values()].map((e) => [e.doc.id, e])) };
  }

  /**
   * The archive's passage total and, in the same round trip, the counts of `terms` not cached
   * yet (all of them when the total changed: another ingest ran, so cached statistics are stale).
   */
  private async totalsAndTerms(terms: readonly string[]): Promise<number> {
    const rows = await this.db().query<{ total: string; term: string | null; passages: number; lowercase: number }>(
      `SELECT t.passages AS total, s.term, s.passages, s.lowercase FROM sourced_totals t LEFT JOIN sourced_terms s ON s.term = ANY($1::text[])`,
      [terms],
    );
    const passages = Number(rows.rows[0].total);
    if (passages !== this.termCachePassages) {
      this.termCache.clear();
      this.rankCache.clear();
      this.termCachePassages = passages;
    }
    this.cacheTerms(
      terms.filter((t) => !this.termCache.has(t)),
      rows.rows.filter((r) => r.term !== null),
    );
    return passages;
  }

  /** Fills the term cache with the archive's counts of `terms` (0 for a term it never uses). */
  private async loadTerms(terms: readonly string[]): Promise<void> {
    const missing = terms.filter((t) => !this.termCache.has(t));
    if (missing.length === 0) return;
    const rows = await this.db().query<{ term: string; passages: number; lowercase: number }>('SELECT term, passages, lowercase FROM sourced_terms WHERE term = ANY($1::text[])', [missing]);
    this.cacheTerms(missing, rows.rows);
  }

  private cacheTerms(missing: readonly string[], found: ReadonlyArray<{ term: string | null; passages: number; lowercase: number }>): void {
    if (this.termCache.size + missing.length > CACHED_TERMS) this.termCache.clear();
    for (const term of missing) this.termCache.set(term, { passages: 0, lowercase: 0 });
    for (const row of found) this.termCache.set(row.term!, { passages: row.passages, lowercase: row.lowercase });
  }

  /** Per query: the tsquery that finds candidates (its rarer terms) and the one that ranks them (all its informative terms). */
  private rankingQueries(request: RetrievalRequest, passages: number): RankingQuery[] {
    const total = passages + request.local.passages;
    const df = (term: string) => (this.termCache.get(term)?.passages ?? 0) + request.local.documentFrequency(term);
    const queries = new Map<string, RankingQuery>();
    for (const { terms, candidates, weights } of request.queries) {
      const key = queryKey(terms);
      const known = [...new Set(terms)].filter((t) => (this.termCache.get(t)?.passages ?? 0) > 0);
      const informative = known.sort((a, b) => bm25Idf(total, df(b)) - bm25Idf(total, df(a))).slice(0, MAX_QUERY_TERMS);
      if (informative.length === 0 || queries.has(key)) continue;
      const match = findingQuery(informative, (t) => this.termCache.get(t)!.passages);
      // A term the checker weighs 0 (a figure) is evidence when found: it counts in full, as in its coverage.
      const factor = (term: string) => weights?.[terms.indexOf(term)] || 1;
      queries.set(key, { key, match, terms: informative.map((term) => ({ term, weight: bm25Idf(total, df(term)) * factor(term) })), candidates });
    }
    return [...queries.values()];
  }

  private async rank(queries: readonly RankingQuery[]): Promise<Map<string, RankedRow[]>> {
    const ranked = new Map<string, RankedRow[]>();
    const asked: RankingQuery[] = [];
    for (const query of queries) {
      const cached = this.rankCache.get(rankCacheKey(query));
      if (cached) ranked.set(query.key, cached);
      else asked.push(query);
    }
    // The searches are split over the pool's connections, so a server with cores to spare answers them side by side.
    const share = Math.ceil(asked.length / this.connections);
    const parts: RankingQuery[][] = [];
    for (let i = 0; i < asked.length; i += share) parts.push(asked.slice(i, i + share));
    const answers = await settled(parts.map((part) => this.db().query<{ query: number; document_id: string; ordinal: number; rank: number }>({ name: RANK_STATEMENT, text: RANK_SQL, values: [JSON.stringify(part.map(rankingRecord)), CONTEXT_CREDIT, MAX_RANKED_ROWS] })));
    const found = new Map<RankingQuery, RankedRow[]>(asked.map((query) => [query, []]));
    answers.forEach((answer, p) => {
      for (const row of answer.rows) found.get(parts[p][row.query])!.push({ dbId: row.document_id, ordinal: row.ordinal, relevance: row.rank });
    });
    for (const [query, list] of found) {
      const best = list[0]?.relevance || 1;
      for (const hit of list) hit.relevance /= best;
      ranked.set(query.key, list);
      if (this.rankCache.size >= CACHED_RANKINGS) this.rankCache.delete(this.rankCache.keys().next().value!);
      this.rankCache.set(rankCacheKey(query), list);
    }
    return ranked;
  }

  /**
   * Documents holding a quotation with most of a draft quote's longest words (as the checker's own
   * scan of the quotations asks), found with the trigram index on the quotations' words.
   */
  private async quotations(quotes: readonly string[]): Promise<string[]> {
    const values: string[] = [];
    const searches: string[] = [];
    for (const quote of new Set(quotes)) {
      const probes = [...new Set(wordTokens(quote).map((t) => t.raw.toLowerCase()))].sort((a, b) => b.length - a.length).slice(0, QUOTE_PROBE_WORDS);
      if (probes.length < MIN_QUOTE_WORDS) continue;
      const at = probes.map((probe) => {
        values.push(containsPattern(probe));
        return `words ILIKE $${values.length}`;
      });
      // All but one of the probes, in every way: each group is an AND of trigram lookups the index answers.
      const groups = at.map((_, skip) => `(${at.filter((__, k) => k !== skip).join(' AND ')})`);
      searches.push(`(SELECT document_id FROM sourced_quotes WHERE ${groups.join(' OR ')} LIMIT ${QUOTE_MATCHES})`);
    }
    if (searches.length === 0) return [];
    const rows = await this.db().query<{ document_id: string }>(`SELECT DISTINCT document_id FROM (${searches.join(' UNION ALL ')}) found`, values);
    return rows.rows.map((r) => r.document_id);
  }

  /** The entries of documents by database id, from the cache or the archive. */
  private async documents(dbIds: readonly string[]): Promise<Map<string, DocumentEntry>> {
    const found = new Map<string, DocumentEntry>();
    const missing: string[] = [];
    for (const id of dbIds) {
      const cached = this.documentCache.get(id);
      if (cached) {
        this.documentCache.delete(id);
        this.documentCache.set(id, cached);
        found.set(id, cached);
      } else missing.push(id);
    }
    if (missing.length > 0) {
      const rows = await this.db().query<StoredDocument & MetadataColumns & { id: string }>(
        `SELECT id, doc_key AS key, content_hash AS "contentHash", format, title, author, outlet, published, url, body, derived
         FROM sourced_documents WHERE id = ANY($1::bigint[])`,
        [missing],
      );
      for (const row of rows.rows) {
        const entry = fromDocumentRow({ ...row, metadata: metadataFromColumns(row) }, `${this.spec.name}:${row.key}`, this.documentPath(row.key));
        found.set(row.id, entry);
        this.documentCache.set(row.id, entry);
        if (this.documentCache.size > CACHED_DOCUMENTS) this.documentCache.delete(this.documentCache.keys().next().value!);
      }
    }
    return found;
  }

  /** One archived document by its key, for the read-only view. */
  async document(key: string): Promise<DocumentEntry | undefined> {
    await this.ensureSchema();
    const row = await this.db().query<{ id: string }>('SELECT id FROM sourced_documents WHERE doc_key = $1', [key]);
    if (row.rows.length === 0) return undefined;
    return (await this.documents([row.rows[0].id])).get(row.rows[0].id);
  }
}

/** A search's candidates as the archive ranked them: database id, passage ordinal, relevance 0..1. */
interface RankedRow {
  dbId: string;
  ordinal: number;
  relevance: number;
}

/** What makes two searches' rankings the same: their terms, weights and candidate count. */
const rankCacheKey = (query: RankingQuery): string => JSON.stringify([query.match, query.terms, query.candidates]);

/** An ILIKE pattern for text containing `word`, an apostrophe in it matching either style (' or ’). */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/gu, '\\$&').replace(/['’ʼ]/gu, '_')}%`;
}

/**
 * Promise.all that waits for every query to end before it rejects, so a failed request leaves
 * none of its queries running on the server.
 */
async function settled<T extends readonly unknown[]>(work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const outcomes = await Promise.allSettled(work);
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes.map((o) => (o as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * The tsquery whose passages become a search's candidates: the rarest terms, OR-ed, while their
 * passages fit in MAX_RANKED_ROWS, so every passage holding one of them is ranked (not the first
 * rows the index happens to return). When even the rarest is common, the passages holding both
 * of the two rarest: the index intersects their lists (instead of marking every passage of a
 * common word, most of them never ranked), and the first rows of that smaller set are the better
 * candidates. A one-term search on a common word takes its first passages.
 */
function findingQuery(terms: readonly string[], passagesWith: (term: string) => number): string {
  const byRarity = [...terms].sort((a, b) => passagesWith(a) - passagesWith(b));
  if (passagesWith(byRarity[0]) > COMMON_TERM_PASSAGES && byRarity.length >= 2) return `${tsLexeme(byRarity[0])} & ${tsLexeme(byRarity[1])}`;
  const finding: string[] = [];
  let rows = 0;
  for (const term of byRarity) {
    rows += passagesWith(term);
    if (finding.length > 0 && (rows > MAX_RANKED_ROWS || passagesWith(term) > COMMON_TERM_PASSAGES)) break;
    finding.push(term);
  }
  return finding.map(tsLexeme).join(' | ');
}

const capitalizedOf = new WeakMap<DocumentEntry, Set<string>>();

/** Index terms of the capitalized words of a cached document's text, scanned once. */
function capitalizedTermsOf(entry: DocumentEntry): Set<string> {
  let terms = capitalizedOf.get(entry);
  if (!terms) {
    terms = capitalizedTerms(entry.doc.text);
    capitalizedOf.set(entry, terms);
  }
  return terms;
}
