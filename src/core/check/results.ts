import type { DraftFix, DraftStatement, OffsetRange, PassageHit, ProblemCode, StatementResult, Verdict } from '../types';

/** Draft offsets of a stretch [start, end) of the statement's plain text. */
export function draftRange(statement: DraftStatement, start: number, end: number): OffsetRange {
  const offsets = statement.textOffsets;
  if (offsets.length === 0) return { start: statement.start, end: statement.end };
  const from = offsets[Math.min(start, offsets.length - 1)];
  const to = offsets[Math.min(Math.max(end - 1, start), offsets.length - 1)] + 1;
  return { start: from, end: Math.max(from, to) };
}

export function draftFix(statement: DraftStatement, title: string, start: number, end: number, replacement: string): DraftFix {
  const range = draftRange(statement, start, end);
  return { title, start: range.start, end: range.end, replacement };
}

/**
 * A result with every field present (unset ones undefined, which JSON leaves out), in the order a
 * result is written: the arbiter and the check fill the rest in place, and every result has one shape.
 */
export function result(statement: DraftStatement, verdict: Verdict, message: string, sources: PassageHit[], confidence?: number, focus?: OffsetRange, fix?: DraftFix): StatementResult {
  return { statement, verdict, message, sources, focus, fix, confidence, unmatched: undefined, meaningPairs: undefined, quotes: undefined };
}

/** Keeps a message on one line and short quotes readable. */
export function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}\u2026`;
}

/** Whether a verdict is a problem to report (everything but supported and not-a-claim). */
export function isFlagged(verdict: Verdict): verdict is ProblemCode {
  return verdict !== 'supported' && verdict !== 'not-a-claim';
}

/** The statement as it reads once a fix is applied (plain text and offsets), or undefined when the fix lies outside it. */
export function withFixApplied(statement: DraftStatement, fix: DraftFix): DraftStatement | undefined {
  const offsets = statement.textOffsets;
  const from = offsets.findIndex((o) => o >= fix.start);
  if (from < 0 || offsets[from] !== fix.start) return undefined;
  let to = from;
  while (to < offsets.length && offsets[to] < fix.end) to++;
  const text = statement.text.slice(0, from) + fix.replacement + statement.text.slice(to);
  const shift = fix.replacement.length - (fix.end - fix.start);
  const textOffsets = [...offsets.slice(0, from), ...Array.from(fix.replacement, (_, i) => fix.start + i), ...offsets.slice(to).map((o) => o + shift)];
  return { ...statement, text, textOffsets, end: statement.end + shift };
}
