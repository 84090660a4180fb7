import type { DraftStatement, OffsetRange, StatementResult } from '../types';

// About 2 MB of drafts: the editor re-checks the draft on every edit, and all but the edited
// sentences come back as they were.
export const REMEMBERED_STATEMENTS = 50_000;
// One text written with its markup in a few places ("*China*", "China"), or marked as checked; more only cost lookups.
export const LAYOUTS_PER_TEXT = 8;

/**
 * The results of statements already checked against the corpus as it is now. A statement's result
 * depends only on its text, whether it is marked as checked and how its text maps onto the draft
 * relative to its start; so a statement an edit left alone (moved or not) takes its earlier result,
 * its draft ranges moved with it. Forgotten whole when the corpus changes (its version); the oldest go first when full.
 */
export class RecheckCache {
  // By text; each result carries the statement it was checked for (marked as checked or not, and its layout).
  private readonly byText = new Map<string, StatementResult[]>();
  // The texts in the order they came, in a ring (as rememberedByText keeps its texts).
  private readonly order: string[] = [];
  private next = 0;
  private corpusVersion: number | undefined;

  constructor(private readonly capacity = REMEMBERED_STATEMENTS) {}

  /** The statement's result at this corpus version: the one remembered for it, or `check()`'s, then remembered. */
  check(statement: DraftStatement, corpusVersion: number, check: () => StatementResult): StatementResult {
    if (corpusVersion !== this.corpusVersion) {
      this.clear();
      this.corpusVersion = corpusVersion;
    }
    const same = this.byText.get(statement.text);
    if (same) {
      for (const earlier of same) {
        const before = earlier.statement;
        if (before.checked === statement.checked && sameLayout(before, statement)) return moved(earlier, statement, statement.start - before.start);
      }
    }
    const result = check();
    if (!same) this.add(statement.text, [result]);
    else {
      if (same.length >= LAYOUTS_PER_TEXT) same.shift();
      same.push(result);
    }
    return result;
  }

  private add(text: string, results: StatementResult[]): void {
    if (this.order.length < this.capacity) this.order.push(text);
    else {
      this.byText.delete(this.order[this.next]);
      this.order[this.next] = text;
      this.next = (this.next + 1) % this.capacity;
    }
    this.byText.set(text, results);
  }

  private clear(): void {
    this.byText.clear();
    this.order.length = 0;
    this.next = 0;
  }
}

/** Whether two statements of the same text map it onto the draft the same way, relative to their starts. */
function sameLayout(a: DraftStatement, b: DraftStatement): boolean {
  if (a.end - a.start !== b.end - b.start || a.textOffsets.length !== b.textOffsets.length) return false;
  for (let i = 0; i < a.textOffsets.length; i++) if (a.textOffsets[i] - a.start !== b.textOffsets[i] - b.start) return false;
  return true;
}

/** The result as the statement now placed `delta` characters further on gets it. */
function moved(result: StatementResult, statement: DraftStatement, delta: number): StatementResult {
  const shift = <T extends OffsetRange>(range: T): T => ({ ...range, start: range.start + delta, end: range.end + delta });
  const out: StatementResult = { ...result, statement };
  if (result.focus) out.focus = shift(result.focus);
  if (result.fix) out.fix = shift(result.fix);
  if (result.unmatched) out.unmatched = result.unmatched.map(shift);
  if (result.quotes) out.quotes = result.quotes.map(shift);
  return out;
}
