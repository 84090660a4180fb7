import type { TextSegment } from '../core/render/highlight';

/** One passage in the Related Passages view. */
export interface PassageItem {
  docId: string;
  start: number;
  end: number;
  score: number;
  segments: TextSegment[];
}

export interface SourceGroup {
  docId: string;
  title: string;
  byline: string;
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
