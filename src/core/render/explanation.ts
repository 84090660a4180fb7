import type { StatementResult } from '../types';
import { escapeMarkdown } from './markdownEscape';

// At most this many pairs matched by meaning are listed: the card stays a glance.
const MAX_PAIRS = 6;

/**
 * Why a verdict: the statement with its words that have no counterpart in the evidence in bold,
 * and the pairs the evidence gives in other words ("brawl ≈ fight"). Every word is escaped.
 */
export function explanationMarkdown(result: StatementResult, draft: string): string[] {
  const parts: string[] = [];
  const unmatched = [...(result.unmatched ?? [])].sort((a, b) => a.start - b.start);
  if (unmatched.length > 0) {
    const { start, end } = result.statement;
    let marked = '';
    let at = start;
    for (const word of unmatched) {
      if (word.start < at || word.end > end) continue;
      marked += `${escapeMarkdown(draft.slice(at, word.start))}**${escapeMarkdown(draft.slice(word.start, word.end))}**`;
      at = word.end;
    }
    marked += escapeMarkdown(draft.slice(at, end));
    parts.push(`**No counterpart in the sources** (bold):\n\n> ${marked.trim()}`);
  }
  const pairs = (result.meaningPairs ?? []).slice(0, MAX_PAIRS);
  if (pairs.length > 0) {
    parts.push(`**Matched by meaning:** ${pairs.map((p) => `${escapeMarkdown(p.word)} ≈ ${escapeMarkdown(p.counterpart)}`).join(', ')}`);
  }
  return parts;
}
