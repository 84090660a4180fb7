// A loaded source as archive rows and back: the document with what Sourced derived from it
// (passages as offsets, quotes, people), its passages' index terms as tsvectors, its quotations
// for trigram search, and its share of the archive's term statistics.
import type { DocumentEntry } from '../documentEntry';
import type { AttributedQuote } from '../quotes/extractQuotes';
import type { PersonMention } from '../quotes/people';
import { passageContexts } from '../search/passageIndex';
import { scanTerms } from '../search/tokenize';
import { PASSAGE_FIELDS, passageFromOffsets, passagesAreDerivable, writePassageOffsets } from '../text/passageOffsets';
import type { OffsetRange, SourceDocument, SourceFormat, SourceMetadata, SpeakerTurn } from '../types';

/** The `derived` column. */
interface DerivedJson {
  junk: OffsetRange[];
  pages?: number[];
  turns?: SpeakerTurn[];
  /** start, end, contextStart, contextEnd per passage. */
  passages: number[];
  /** Only when a passage's text is not the document's slice (never, as passages are built today). */
  passageTexts?: string[];
  /** [start, end, passage index, speaker, speaker kind, text when not the document's slice] */
  quotes: Array<[number, number, number, string | null, AttributedQuote['speakerKind'] | null, string?]>;
  mentions: PersonMention[];
}

/** The `term_counts` column: passages using each term, and using it in lower case. */
export interface TermCounts {
  terms: string[];
  passages: number[];
  lowercase: number[];
}

export interface DocumentRow {
  key: string;
  contentHash: string;
  format: SourceFormat;
  metadata: SourceMetadata;
  body: string;
  derived: string;
  termCounts: TermCounts;
  /** One tsvector literal per passage. */
  passageTerms: string[];
  quotes: Array<{ words: string; speaker: string | null }>;
}

export function toDocumentRow(entry: DocumentEntry): DocumentRow {
  const { doc, passages, quotes, mentions } = entry;
  const offsets = new Int32Array(passages.length * PASSAGE_FIELDS);
  writePassageOffsets(passages, offsets);
  const passageIndex = new Map(passages.map((p, i) => [p.id, i]));
  const derived: DerivedJson = {
    junk: doc.junk,
    ...(doc.pages ? { pages: doc.pages } : {}),
    ...(doc.turns ? { turns: doc.turns } : {}),
    passages: [...offsets],
    ...(passagesAreDerivable(doc, passages) ? {} : { passageTexts: passages.map((p) => p.text) }),
    quotes: quotes.map((q) => {
      const row: DerivedJson['quotes'][number] = [q.start, q.end, passageIndex.get(q.passageId) ?? -1, q.speaker ?? null, q.speakerKind ?? null];
      if (q.text !== doc.text.slice(q.start, q.end)) row.push(q.text);
      return row;
    }),
    mentions,
  };
  const scans = passages.map((p) => scanTerms(p.text));
  return {
    key: doc.id,
    contentHash: doc.contentHash,
    format: doc.format,
    metadata: doc.metadata,
    body: doc.text,
    derived: JSON.stringify(derived),
    termCounts: termCounts(scans.map((s) => s.terms), scans.map((s) => s.lowercase)),
    passageTerms: passageVectors(passages, scans.map((s) => s.withAcronyms)),
    quotes: quotes.map((q) => ({ words: q.text, speaker: q.speaker ?? null })),
  };
}

/** The stored columns of one document, read back as the entry the checker uses, under the id `docId`. */
export interface StoredDocument {
  key: string;
  contentHash: string;
  format: SourceFormat;
  metadata: SourceMetadata;
  body: string;
  derived: unknown;
}

/** The metadata columns of sourced_documents (NULL where the source gave none). */
export interface MetadataColumns {
  title: string | null;
  author: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
}

export function metadataFromColumns(row: MetadataColumns): SourceMetadata {
  const values = { title: row.title, author: row.author, outlet: row.outlet, date: row.published, url: row.url };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as SourceMetadata;
}

export function fromDocumentRow(row: StoredDocument, docId: string, path: string): DocumentEntry {
  const derived = row.derived as DerivedJson;
  const doc: SourceDocument = {
    id: docId,
    path,
    format: row.format,
    metadata: row.metadata,
    text: row.body,
    junk: derived.junk,
    ...(derived.pages ? { pages: derived.pages } : {}),
    ...(derived.turns ? { turns: derived.turns } : {}),
    contentHash: row.contentHash,
  };
  const offsets = Int32Array.from(derived.passages);
  const passages = Array.from({ length: offsets.length / PASSAGE_FIELDS }, (_, i) => passageFromOffsets(doc, i, offsets, i, undefined, derived.passageTexts?.[i]));
  const quotes: AttributedQuote[] = derived.quotes.map(([start, end, passage, speaker, speakerKind, text]) => ({
    docId,
    passageId: `${docId}#${passage}`,
    text: text ?? row.body.slice(start, end),
    start,
    end,
    ...(speaker !== null ? { speaker } : {}),
    ...(speakerKind !== null ? { speakerKind } : {}),
  }));
  return { doc, passages, quotes, mentions: derived.mentions };
}

function termCounts(passageTerms: readonly string[][], lowercaseTerms: readonly string[][]): TermCounts {
  const counts = new Map<string, [number, number]>();
  const count = (lists: readonly string[][], slot: 0 | 1) => {
    for (const terms of lists) {
      for (const term of new Set(terms)) {
        const entry = counts.get(term) ?? [0, 0];
        entry[slot]++;
        counts.set(term, entry);
      }
    }
  };
  count(passageTerms, 0);
  count(lowercaseTerms, 1);
  const terms = [...counts.keys()];
  return { terms, passages: terms.map((t) => counts.get(t)![0]), lowercase: terms.map((t) => counts.get(t)![1]) };
}

/**
 * Each passage's terms as a tsvector literal: its own sentence's terms at weight A, its
 * neighbours' other terms at weight B, so ranking in SQL weighs them as the local index does.
 * Ranking asks only whether a term is there and at which weight, so each lexeme has one
 * position: smaller rows, and an index built faster, than one position per occurrence.
 */
function passageVectors(passages: readonly { text: string }[], sentenceTerms: readonly string[][]): string[] {
  const contexts = passageContexts(passages as Parameters<typeof passageContexts>[0]);
  const sentenceSets = sentenceTerms.map((terms) => new Set(terms));
  return passages.map((_, i) => {
    const own = sentenceSets[i];
    const lexemes: string[] = [];
    for (const term of own) lexemes.push(`${tsLexeme(term)}:1A`);
    const around = new Set<string>();
    const [from, to] = contexts[i];
    for (let n = from; n <= to; n++) if (n !== i) for (const term of sentenceSets[n]) if (!own.has(term)) around.add(term);
    for (const term of around) lexemes.push(`${tsLexeme(term)}:1B`);
    return lexemes.join(' ');
  });
}

/** A lexeme quoted for a tsvector or tsquery literal. */
export function tsLexeme(term: string): string {
  // Index terms rarely hold a quote or a backslash: test for them before building an escaped copy.
  if (term.indexOf("'") < 0 && term.indexOf('\\') < 0) return `'${term}'`;
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
