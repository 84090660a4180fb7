// Reads and extracts a batch of files (the per-file half of a cold load), and the compact form in
// which a helper thread hands the results back: passages as offsets, their texts re-sliced from
// the document, so the bulk of the corpus crosses threads once (as the document text).
import { loadFile } from '../corpus/loadCorpus';
import { deriveEntry, type DocumentEntry } from '../documentEntry';
import { PASSAGE_FIELDS, passageFromOffsets, passagesAreDerivable, writePassageOffsets } from '../text/passageOffsets';
import type { Passage, SkippedFile } from '../types';

export interface ExtractedBatch {
  entries: DocumentEntry[];
  skipped: SkippedFile[];
}

export interface WireEntry extends Omit<DocumentEntry, 'passages'> {
  /** [start, end, contextStart, contextEnd] per passage, when ids and texts are the usual ones. */
  offsets?: Int32Array;
  passages?: Passage[];
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
  if (!passagesAreDerivable(doc, passages)) return { doc, passages, quotes, mentions };
  const offsets = new Int32Array(passages.length * PASSAGE_FIELDS);
  writePassageOffsets(passages, offsets);
  return { doc, offsets, quotes, mentions };
}

export function fromWire({ doc, offsets, passages, quotes, mentions }: WireEntry): DocumentEntry {
  if (passages) return { doc, passages, quotes, mentions };
  const rebuilt = Array.from({ length: offsets!.length / PASSAGE_FIELDS }, (_, i) => passageFromOffsets(doc, i, offsets!, i));
  return { doc, passages: rebuilt, quotes, mentions };
}
