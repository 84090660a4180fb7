import type { DraftStatement } from '../types';

/** The prose of the paragraph (Markdown block) holding `offset`, as plain text. */
export function paragraphText(statements: readonly DraftStatement[], markdown: string, offset: number): string {
  const here = statements.find((s) => s.blockStart <= offset && offset <= s.blockEnd);
  if (here) {
    return statements
      .filter((s) => s.blockStart === here.blockStart)
      .map((s) => s.text)
      .join(' ');
  }
  // Outside any prose block (a heading, a blank line): fall back to the raw lines around the cursor.
  const start = markdown.lastIndexOf('\n\n', Math.max(0, offset - 1));
  const end = markdown.indexOf('\n\n', offset);
  return markdown.slice(Math.max(0, start), end < 0 ? markdown.length : end).trim();
}
