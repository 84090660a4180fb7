// The engine's whole loaded state (documents, passages, quotes, index) as bytes: the payload of
// the persistent cache and what the indexing worker hands to the extension host. Document texts
// and index arrays are stored raw, so decoding is mostly views and one UTF-8 decode per document.
import type { PassageIndexState } from '../search/passageIndex';
import type { PostingsState } from '../search/postings';
import type { AttributedQuote } from '../quotes/extractQuotes';
import type { PersonMention } from '../quotes/people';
import type { DocumentEntry } from '../documentEntry';
import { PASSAGE_FIELDS, passageFromOffsets, passagesAreDerivable, writePassageOffsets } from '../text/passageOffsets';
import type { Passage, SourceDocument } from '../types';
import { decodePack, encodePack, type PackedArray } from './pack';

/** Bump whenever the shape of EngineState or of anything inside it changes. */
export const ENGINE_STATE_VERSION = 2;

/**
 * A source file's size, modification time and permissions when it was read: the cheap check that
 * it did not change. chmod changes neither size nor mtime, so without the mode a file skipped as
 * unreadable stayed skipped after it was made readable.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  mode?: number;
  /** Why the file was not indexed, when it was not. */
  skipped?: string;
}

export interface EngineState {
  base: string;
  documents: DocumentEntry[];
  index: PassageIndexState;
  /** By absolute path; kept with the cache so a warm start re-reads only files that changed. */
  stamps?: Record<string, FileStamp>;
}

interface DocumentJson {
  doc: Omit<SourceDocument, 'text'>;
  passageCount: number;
  /** Present only when passages break the usual `${docId}#n` ids or text = slice of the document. */
  passageIds?: string[];
  passageTexts?: string[];
  /** Quotes as rows [start, end, passage index, speaker, speakerKind] when their text is the document's slice; else whole. */
  quoteRows?: QuoteRow[];
  quotes?: AttributedQuote[];
  mentions: PersonMention[];
}

type QuoteRow = [number, number, number, string | null, AttributedQuote['speakerKind'] | null];

function quoteRows(doc: SourceDocument, quotes: readonly AttributedQuote[]): QuoteRow[] | undefined {
  const prefix = `${doc.id}#`;
  const rows: QuoteRow[] = [];
  for (const q of quotes) {
    const n = Number(q.passageId.slice(prefix.length));
    if (q.docId !== doc.id || !q.passageId.startsWith(prefix) || `${prefix}${n}` !== q.passageId || q.text !== doc.text.slice(q.start, q.end)) return undefined;
    rows.push([q.start, q.end, n, q.speaker ?? null, q.speakerKind ?? null]);
  }
  return rows;
}

function quotesFromRows(doc: SourceDocument, rows: readonly QuoteRow[]): AttributedQuote[] {
  return rows.map(([start, end, n, speaker, speakerKind]) => ({
    docId: doc.id, passageId: `${doc.id}#${n}`, text: doc.text.slice(start, end), start, end, speaker: speaker ?? undefined, speakerKind: speakerKind ?? undefined,
  }));
}

interface StateJson {
  base: string;
  stamps?: Record<string, FileStamp>;
  documents: DocumentJson[];
  index: Omit<PassageIndexState, 'postings'> & { terms: string[] };
}

const POSTINGS_ARRAYS = ['listStarts', 'lists', 'textLength', 'contextLength', 'contextFrom', 'contextTo', 'live'] as const;

export function encodeEngineState(state: EngineState): Uint8Array {
  const texts = state.documents.map((d) => Buffer.from(d.doc.text, 'utf8'));
  const passageCount = state.documents.reduce((sum, d) => sum + d.passages.length, 0);
  const passageOffsets = new Int32Array(passageCount * PASSAGE_FIELDS);
  let at = 0;
  const documents = state.documents.map(({ doc, passages, quotes, mentions }): DocumentJson => {
    const { text, ...rest } = doc;
    writePassageOffsets(passages, passageOffsets, at);
    at += passages.length;
    const usual = passagesAreDerivable(doc, passages);
    const rows = quoteRows(doc, quotes);
    return {
      doc: rest, passageCount: passages.length, mentions, ...(rows ? { quoteRows: rows } : { quotes }),
      ...(usual ? {} : { passageIds: passages.map((p) => p.id), passageTexts: passages.map((p) => p.text) }),
    };
  });
  const { postings, ...index } = state.index;
  const json: StateJson = { base: state.base, stamps: state.stamps, documents, index: { ...index, terms: postings.terms } };
  const arrays: Record<string, PackedArray> = {
    text: Buffer.concat(texts),
    textBytes: Int32Array.from(texts, (t) => t.length),
    passages: passageOffsets,
  };
  for (const name of POSTINGS_ARRAYS) arrays[`postings.${name}`] = postings[name];
  return encodePack({ json, arrays });
}

/** Throws on bytes that are not an engine state (callers treat that as a cache miss). */
export function decodeEngineState(bytes: Uint8Array): EngineState {
  const { json, arrays } = decodePack(bytes);
  const state = json as StateJson;
  const text = arrays.text as Uint8Array;
  const textBytes = arrays.textBytes as Int32Array;
  const offsets = arrays.passages as Int32Array;
  const decoder = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  let textAt = 0;
  let passageAt = 0;
  const documents = state.documents.map((d, n): DocumentEntry => {
    const docText = decoder.toString('utf8', textAt, textAt + textBytes[n]);
    textAt += textBytes[n];
    const doc: SourceDocument = { ...d.doc, text: docText };
    const passages: Passage[] = [];
    for (let i = 0; i < d.passageCount; i++, passageAt++) passages.push(passageFromOffsets(doc, i, offsets, passageAt, d.passageIds?.[i], d.passageTexts?.[i]));
    return { doc, passages, quotes: d.quoteRows ? quotesFromRows(doc, d.quoteRows) : d.quotes ?? [], mentions: d.mentions };
  });
  const { terms, ...index } = state.index;
  const postings = { terms } as PostingsState;
  for (const name of POSTINGS_ARRAYS) (postings as unknown as Record<string, PackedArray>)[name] = arrays[`postings.${name}`];
  return { base: state.base, stamps: state.stamps, documents, index: { ...index, postings } };
}
