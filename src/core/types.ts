// The plain data that flows between Sourced's core, its CLI and the extension.
// Offsets are UTF-16 code unit offsets into a string, half-open: [start, end).

export interface OffsetRange {
  start: number;
  end: number;
}

/** 0-based, as in VS Code. */
export interface Position {
  line: number;
  character: number;
}

export interface LineRange {
  start: Position;
  end: Position;
}

export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

export interface SourceMetadata {
  title?: string;
  author?: string;
  /** Publication, e.g. "Blick" from a "Source: Blick" line. */
  outlet?: string;
  /** As written in the source, e.g. "6 May" or "2023-04-26". */
  date?: string;
  /** Original web address, used by link citations when present. */
  url?: string;
}

/**
 * One loaded source. `text` is what passages point into. For .txt and .md files it has the
 * same length and line breaks as the file, with junk (bios, teasers, CSS residue, promos,
 * front matter) blanked to spaces, so an offset in `text` is the same offset in the file.
 * Extracted formats (HTML, PDF, DOCX) carry the extracted text; `pages` maps it to pages.
 */
export interface SourceDocument {
  /** Stable key and display path: the file's path relative to the workspace/CLI base, with forward slashes. */
  id: string;
  /** Absolute path on disk. */
  path: string;
  format: SourceFormat;
  metadata: SourceMetadata;
  text: string;
  /** Ranges of `text` that were blanked as junk, in order. */
  junk: OffsetRange[];
  /** For paged formats: pages[i] is the offset in `text` where page i+1 starts. */
  pages?: number[];
  /** Transcripts: ranges of `text` spoken by a named speaker ("Speaker: words" lines). */
  turns?: SpeakerTurn[];
  /** sha256 of the file's bytes, hex. */
  contentHash: string;
}

export interface SpeakerTurn {
  speaker: string;
  start: number;
  end: number;
}

/** A file that was not indexed, and why, in words a user can act on. */
export interface SkippedFile {
  path: string;
  reason: string;
  /** The id of the indexed source this file is an identical copy of. */
  copyOf?: string;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** The unit of retrieval: one sentence of a source, with its neighbours as context. */
export interface Passage {
  /** `${docId}#${sentenceIndex}` */
  id: string;
  docId: string;
  /** The focal sentence, offsets into the document's text. */
  start: number;
  end: number;
  text: string;
  /** The sentence with its neighbours (offsets into the document's text). */
  contextStart: number;
  contextEnd: number;
}

/** Words in quotation marks in a source, with who said them when the source says so. */
export interface SourceQuote {
  docId: string;
  passageId: string;
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Offsets of the quoted words (inside the marks) in the document's text. */
  start: number;
  end: number;
  speaker?: string;
}

/** A checkable unit of a Markdown draft: one sentence of prose. */
export interface DraftStatement {
  /** The sentence as plain text: Markdown markup (emphasis, link URLs, footnote refs) removed. */
  text: string;
  /** textOffsets[i] is the draft offset of text[i], so a part of `text` maps back to the draft. */
  textOffsets: number[];
  /** Offsets into the draft of the whole sentence. */
  start: number;
  end: number;
  /** The block it sits in, for grouping sentences into a paragraph. */
  blockStart: number;
  blockEnd: number;
  /** The writer marked it as checked with a `<!-- sourced: checked -->` comment right after it. */
  checked: boolean;
}

export type Verdict =
  | 'supported'
  | 'not-a-claim'
  | 'unsupported-claim'
  | 'misquote'
  | 'unverified-quote'
  | 'misattribution'
  | 'number-mismatch';

export type ProblemCode = Exclude<Verdict, 'supported' | 'not-a-claim'>;

export interface PassageHit {
  passage: Passage;
  score: number;
  /** Query terms that matched, as they appear in the passage text (for emphasis). */
  matchedTerms: string[];
}

/** A replacement in the draft that fixes a problem (one undoable edit). */
export interface DraftFix {
  title: string;
  start: number;
  end: number;
  replacement: string;
}

export interface StatementResult {
  statement: DraftStatement;
  verdict: Verdict;
  /** One sentence a writer can act on, e.g. 'Misquote: the source says "such systems of alliances".' */
  message: string;
  /** Best first. For problems, the passage(s) the verdict is based on. */
  sources: PassageHit[];
  /** The range of the offending part (the quote, the number) when narrower than the statement. */
  focus?: OffsetRange;
  fix?: DraftFix;
  /** What the check found of each quotation in the statement, so a view shows the same finding the verdict used. */
  quotes?: QuoteReport[];
  /** 0-1: how firmly the evidence bears the verdict out (absent for statements that are not claims). */
  confidence?: number;
  /** The statement's content words with no counterpart in the evidence, as written, with draft offsets. */
  unmatched?: WordInDraft[];
  /** Statement words the evidence gives in other words: "brawl" ≈ "fight". */
  meaningPairs?: MeaningPair[];
}

/** One quotation of a statement as the checker matched it against the sources. */
export interface QuoteReport {
  /** Draft offsets of the quoted words. */
  start: number;
  end: number;
  outcome: 'verbatim' | 'misquote' | 'unverified';
  /** The source document holding the words, when they were found. */
  docId?: string;
  /** Who says them there, when the source says. */
  speaker?: string;
}

export interface WordInDraft {
  word: string;
  start: number;
  end: number;
}

export interface MeaningPair {
  /** The statement's word and the source's, as written. */
  word: string;
  counterpart: string;
  /** How they relate: 'synonym', 'derived', 'abbreviation', 'similar' (by word vectors), ... */
  relation: string;
}
