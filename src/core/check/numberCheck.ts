import type { Passage, SourceDocument } from '../types';
import { contentTerms } from '../search/tokenize';
import { comparableKinds, findNumbers, sameNumber, type NumberKind, type NumberMention } from './numbers';

/** A figure of the statement that the passage gives differently. */
export interface NumberConflict {
  statement: NumberMention;
  source: NumberMention;
}

export interface NumberCheck {
  conflicts: NumberConflict[];
  /** Figures of the statement the passage neither states nor contradicts. */
  unmatched: NumberMention[];
}

/** Compares the statement's figures with those of a passage and its neighbours (from `from`, the text it speaks of). */
export function compareNumbers(statementText: string, passage: Passage, doc: SourceDocument, from = passage.contextStart): NumberCheck {
  const ours = findNumbers(statementText);
  if (ours.length === 0) return { conflicts: [], unmatched: [] };
  const sourceText = doc.text.slice(from, passage.contextEnd);
  return compareFigures(ours, statementText, findNumbers(sourceText), () => sourceText);
}

/** Each of our figures against theirs (each read in its own text): the same figure, else a rival of its kind, else unmatched. */
export function compareFigures(ours: readonly NumberMention[], statementText: string, theirs: readonly NumberMention[], sourceTextOf: (mention: NumberMention) => string): NumberCheck {
  const result: NumberCheck = { conflicts: [], unmatched: [] };
  const used = new Set<NumberMention>();
  const missing: NumberMention[] = [];
  for (const mention of ours) {
    const same = theirs.find((t) => sameNumber(mention, t));
    if (same) used.add(same);
    else missing.push(mention);
  }
  for (const mention of missing) {
    // (Pushed, not filtered: filter's array has another hidden class when empty, and rivalFor is compiled for one.)
    const open: NumberMention[] = [];
    for (const t of theirs) if (!used.has(t)) open.push(t);
    const rival = rivalFor(mention, open, statementText, sourceTextOf);
    if (rival) {
      used.add(rival);
      result.conflicts.push({ statement: mention, source: rival });
    } else result.unmatched.push(mention);
  }
  return result;
}

/** The source figure that plays the statement figure's part: same kind and unit, nearest in role. */
function rivalFor(mention: NumberMention, candidates: NumberMention[], statementText: string, sourceTextOf: (mention: NumberMention) => string): NumberMention | undefined {
  // A figure belongs to whom it is said of: another person's age is no rival for Raisi's.
  const fitting = candidates.filter((c) => comparableKinds(mention.kind, c.kind) && kindsAgree(mention, c) && (!mention.owner || !c.owner || mention.owner === c.owner));
  if (fitting.length === 0) return undefined;
  const ours = wordsAround(statementText, mention);
  const score = (c: NumberMention): number =>
    (c.kind === mention.kind ? 2 : 0) + (c.unit !== undefined && c.unit === mention.unit ? 3 : 0) + sharedWords(ours, wordsAround(sourceTextOf(c), c));
  return [...fitting].sort((a, b) => score(b) - score(a))[0];
}

const STRICT_KINDS: ReadonlySet<NumberKind> = new Set<NumberKind>(['money', 'age', 'year', 'percent', 'day']);

/** Money only against money in the same currency; ages against ages; years against years. */
function kindsAgree(a: NumberMention, b: NumberMention): boolean {
  if (STRICT_KINDS.has(a.kind) || STRICT_KINDS.has(b.kind)) return a.kind === b.kind && (a.kind !== 'money' || a.unit === b.unit);
  // An ordinal against an ordinal, or against a figure with the same letters written on ("21st" and "19st").
  if (a.kind === 'ordinal' || b.kind === 'ordinal') return a.kind === b.kind || (a.unit !== undefined && a.unit === b.unit);
  // Counts of different things ("six conversations", "12-point plan") are not rivals.
  return a.unit === undefined || b.unit === undefined || a.unit === b.unit;
}

const AROUND_WORDS = 4;

/** The content words just before and after a figure: what it is said of ("the governor is 69"). */
function wordsAround(text: string, mention: NumberMention): Set<string> {
  const before = contentTerms(text.slice(Math.max(0, mention.start - 80), mention.start)).slice(-AROUND_WORDS);
  const after = contentTerms(text.slice(mention.end, mention.end + 80)).slice(0, AROUND_WORDS);
  return new Set([...before, ...after]);
}

function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared;
}
