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

// tsvector positions stop at 16,383; a passage is capped at 1,000 characters, its context at three.
const MAX_POSITION = 16_383;

/**
 * Each passage's terms as a tsvector literal: its own sentence's terms at weight A, its
 * neighbours' at weight B, so ranking in SQL weighs them as the local index does.
 */
function passageVectors(passages: readonly { text: string }[], sentenceTerms: readonly string[][]): string[] {
  const contexts = passageContexts(passages as Parameters<typeof passageContexts>[0]);
  return passages.map((_, i) => {
    const positions = new Map<string, string[]>();
    let position = 0;
    const add = (terms: readonly string[], weight: 'A' | 'B') => {
      for (const term of terms) {
        if (++position > MAX_POSITION) return;
        const list = positions.get(term) ?? [];
        list.push(`${position}${weight}`);
        positions.set(term, list);
      }
    };
    add(sentenceTerms[i], 'A');
    const [from, to] = contexts[i];
    for (let n = from; n <= to; n++) if (n !== i) add(sentenceTerms[n], 'B');
    return [...positions].map(([term, at]) => `${tsLexeme(term)}:${at.join(',')}`).join(' ');
  });
}

const quotedLexemes = new Map<string, string>();

/** A lexeme quoted for a tsvector or tsquery literal (terms repeat across passages: quoted once). */
export function tsLexeme(term: string): string {
  let quoted = quotedLexemes.get(term);
  if (quoted === undefined) {
    quoted = /['\\]/u.test(term) ? `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${term}'`;
    if (quotedLexemes.size < 200_000) quotedLexemes.set(term, quoted);
  }
  return quoted;
}
