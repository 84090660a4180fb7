import type { TextSegment } from '../core/render/highlight';

/** One passage in the Related Passages view. */
export interface PassageItem {
  docId: string;
  start: number;
  end: number;
  /** Why it is related, in words: the words or names it shares with the paragraph or search. */
  why: string;
  segments: TextSegment[];
}

export interface SourceGroup {
  docId: string;
  title: string;
  byline: string;
  /** The whole label (title or first line, byline, file), shown on hover where the view cuts it short. */
  tooltip: string;
  passages: PassageItem[];
}

/** Messages the extension posts to the view. */
export interface PassagesMessage {
  type: 'passages';
  generation: number;
  origin: 'cursor' | 'search';
  query: string;
  groups: SourceGroup[];
  note?: string;
}

/** Messages the view posts back. */
export type ViewRequest =
  | { type: 'ready' }
  | { type: 'search'; query: string }
  | { type: 'open' | 'insert' | 'copy'; docId: string; start: number; end: number };
