// Reads and extracts a batch of files (the per-file half of a cold load), and the compact form in
// which a helper thread hands the results back: passages as offsets, their texts re-sliced from
// the document, so the bulk of the corpus crosses threads once (as the document text).
import { loadFile } from '../corpus/loadCorpus';
import { deriveEntry, type DocumentEntry } from '../documentEntry';
import { PASSAGE_FIELDS, passageFromOffsets, passagesAreDerivable, writePassageOffsets } from '../text/passageOffsets';
import type { AttributedQuote } from '../quotes/extractQuotes';
import type { Passage, SkippedFile, SourceDocument } from '../types';

export interface ExtractedBatch {
  entries: DocumentEntry[];
  skipped: SkippedFile[];
}

export interface WireEntry extends Omit<DocumentEntry, 'passages' | 'quotes'> {
  /** [start, end, contextStart, contextEnd] per passage, when ids and texts are the usual ones. */
  offsets?: Int32Array;
  passages?: Passage[];
  /** The quotes as columns, when each one's text is the document's slice and its passage one of the usual ids. */
  quoteColumns?: QuoteColumns;
  quotes?: AttributedQuote[];
}

/**
 * Quotes as columns: [start, end, passage number] per quote, how its speaker is given (0 none,
 * 1 name, 2 descriptor), and the speakers of those that have one, in order. A text of a million
 * quotations crossed threads as a million objects with three strings each: seconds and hundreds of MB.
 */
export interface QuoteColumns {
  offsets: Int32Array;
  kinds: Uint8Array;
  speakers: string[];
}

const SPEAKER_KINDS = [undefined, 'name', 'descriptor'] as const;

function toQuoteColumns(doc: SourceDocument, quotes: readonly AttributedQuote[]): QuoteColumns | undefined {
  const prefix = `${doc.id}#`;
  const offsets = new Int32Array(quotes.length * 3);
  const kinds = new Uint8Array(quotes.length);
  const speakers: string[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    const n = Number(q.passageId.slice(prefix.length));
    const kind = SPEAKER_KINDS.indexOf(q.speakerKind);
    if (q.docId !== doc.id || `${prefix}${n}` !== q.passageId || q.text !== doc.text.slice(q.start, q.end) || kind < 0 || (q.speaker === undefined) !== (kind === 0)) return undefined;
    offsets[3 * i] = q.start;
    offsets[3 * i + 1] = q.end;
    offsets[3 * i + 2] = n;
    kinds[i] = kind;
    if (q.speaker !== undefined) speakers.push(q.speaker);
  }
  return { offsets, kinds, speakers };
}

function fromQuoteColumns(doc: SourceDocument, { offsets, kinds, speakers }: QuoteColumns): AttributedQuote[] {
  const quotes: AttributedQuote[] = [];
  let speaker = 0;
  // The quotes of one passage share its id (a string a quote was 40 MB for a million quotes).
  let passage = -1;
  let passageId = '';
  for (let i = 0; i < kinds.length; i++) {
    const [start, end, n] = [offsets[3 * i], offsets[3 * i + 1], offsets[3 * i + 2]];
    const kind = SPEAKER_KINDS[kinds[i]];
    if (n !== passage) [passage, passageId] = [n, `${doc.id}#${n}`];
    quotes.push({ docId: doc.id, passageId, text: doc.text.slice(start, end), start, end, speaker: kind ? speakers[speaker++] : undefined, speakerKind: kind });
  }
  return quotes;
}

/** Loads and extracts `files` (all read at once), keeping their order. */
export async function extractFiles(files: readonly string[], base: string): Promise<ExtractedBatch> {
  const loaded = await Promise.all(files.map((file) => loadFile(file, base)));
  const batch: ExtractedBatch = { entries: [], skipped: [] };
  for (const result of loaded) {
    if ('reason' in result) batch.skipped.push(result);
    else batch.entries.push(deriveEntry(result));
  }
  return batch;
}

export function toWire({ doc, passages, quotes, mentions }: DocumentEntry): WireEntry {
  const columns = toQuoteColumns(doc, quotes);
  const quoted = columns ? { quoteColumns: columns } : { quotes };
  if (!passagesAreDerivable(doc, passages)) return { doc, passages, ...quoted, mentions };
  const offsets = new Int32Array(passages.length * PASSAGE_FIELDS);
  writePassageOffsets(passages, offsets);
  return { doc, offsets, ...quoted, mentions };
}

export function fromWire({ doc, offsets, passages, quoteColumns, quotes, mentions }: WireEntry): DocumentEntry {
  const entryQuotes = quoteColumns ? fromQuoteColumns(doc, quoteColumns) : quotes ?? [];
  if (passages) return { doc, passages, quotes: entryQuotes, mentions };
  const rebuilt = Array.from({ length: offsets!.length / PASSAGE_FIELDS }, (_, i) => passageFromOffsets(doc, i, offsets!, i));
  return { doc, passages: rebuilt, quotes: entryQuotes, mentions };
}
