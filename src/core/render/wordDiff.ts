import { diffWords } from 'diff';
import { escapeMarkdown } from './markdownEscape';

export interface DiffSegment {
  kind: 'same' | 'source-only' | 'draft-only';
  text: string;
}

// Curly and straight apostrophes/quotes are the same word to a reader.
function normalizeMarks(text: string): string {
  return text.replace(/[‘’ʼ`]/g, "'").replace(/[“”„]/g, '"');
}

/** Word-level differences between what the source says and what the draft quotes. */
export function quoteDiff(sourceWording: string, draftWording: string): DiffSegment[] {
  const changes = diffWords(normalizeMarks(sourceWording), normalizeMarks(draftWording), { ignoreCase: false });
  return changes.map((c) => ({ kind: c.added ? 'draft-only' : c.removed ? 'source-only' : 'same', text: c.value }));
}

/**
 * The source wording as escaped Markdown with the differences marked: words the draft left
 * out or changed in bold, words the draft has instead struck through.
 */
export function quoteDiffMarkdown(sourceWording: string, draftWording: string): string {
  let out = '';
  let previousChanged = false;
  for (const s of quoteDiff(sourceWording, draftWording)) {
    const body = s.text.trim();
    if (s.kind === 'same' || !body) {
      out += escapeMarkdown(s.text);
      previousChanged = false;
      continue;
    }
    // Adjacent changes need a space between them or the markers would run together.
    const lead = /^\s/.test(s.text) || previousChanged ? ' ' : '';
    const tail = /\s$/.test(s.text) ? ' ' : '';
    out += `${lead}${s.kind === 'source-only' ? `**${escapeMarkdown(body)}**` : `~~${escapeMarkdown(body)}~~`}${tail}`;
    previousChanged = true;
  }
  return out.replace(/ {2,}/g, ' ');
}
