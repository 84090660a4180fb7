/** Opening quotation marks Sourced completes after, with the mark that closes each. */
export const CLOSING_MARK: Readonly<Record<string, string>> = { '"': '"', '“': '”', '„': '“', '«': '»', '‘': '’' };

export interface OpenQuote {
  /** Offset of the opening mark. */
  markOffset: number;
  mark: string;
  /** What the writer typed after the mark, up to the cursor. */
  typed: string;
}

/**
 * The quotation left open before `cursor` on its line, if any: the writer is typing a quote.
 * Straight marks pair up in order; a curly opening mark is open when no closing mark follows it.
 */
export function openQuoteBefore(lineText: string, cursorCharacter: number, lineStartOffset = 0): OpenQuote | undefined {
  const before = lineText.slice(0, cursorCharacter);
  let open: { index: number; mark: string } | undefined;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (open) {
      if (ch === CLOSING_MARK[open.mark]) open = undefined;
      continue;
    }
    // A straight or single mark inside a word is an apostrophe or inch sign, not an opening.
    const prev = i > 0 ? before[i - 1] : ' ';
    if (ch in CLOSING_MARK && !/[\p{L}\p{N}]/u.test(prev)) open = { index: i, mark: ch };
  }
  if (!open || open.mark === '‘') return undefined;
  return { markOffset: lineStartOffset + open.index, mark: open.mark, typed: before.slice(open.index + 1) };
}
