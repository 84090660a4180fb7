import type { Passage } from '../../types';
import type { StatementAnalysis } from '../analysis';
import type { Evidence } from '../evidence';
import type { CheckContext } from '../context';
import { compareFigures, type NumberConflict } from '../numberCheck';
import { findNumbers, sameNumber, type NumberMention } from '../numbers';
import { antecedentStart } from '../references';

/** What the evidence makes of the statement's figures. */
export interface FigureFinding {
  conflicts: NumberConflict[];
  /** Figures the evidence neither gives nor contradicts. */
  unmatched: NumberMention[];
  /** Sentences of the source, beyond the evidence, that give one of the figures of someone the evidence names. */
  added: Passage[];
}

/**
 * A figure is the source's when a sentence of the evidence gives it, or another sentence of the
 * same source gives it of someone the evidence or the statement names ("Spahic, 34, ..."). Else a
 * figure of its kind near the evidence is the source's version of it (a conflict).
 */
export function checkFigures(analysis: StatementAnalysis, evidence: Evidence, context: CheckContext): FigureFinding {
  const finding: FigureFinding = { conflicts: [], unmatched: [], added: [] };
  if (analysis.figures.length === 0) return finding;
  // The evidence gives what its sentences and their neighbours give (and, after "This is 30% more", what came before).
  const doc = context.documents.get(evidence.docId);
  const textOf = new Map<NumberMention, string>();
  const near = doc
    ? evidence.passages.flatMap((p) => {
        const text = doc.text.slice(antecedentStart(p, context), p.contextEnd);
        const mentions = findNumbers(text);
        for (const m of mentions) textOf.set(m, text);
        return mentions;
      })
    : [];
  const given = [...evidence.sentences.flatMap((s) => s.figures), ...near];
  const names = new Set([...analysis.names.flatMap((g) => g.terms), ...evidence.sentences.flatMap((s) => [...s.names])]);
  const open: NumberMention[] = [];
  for (const figure of analysis.figures) {
    if (given.some((g) => sameNumber(figure, g))) continue;
    // Only an age is said of a person apart from the event ("Spahic, 34, ..."); other figures belong to what the evidence tells.
    const elsewhere = figure.kind === 'age' ? evidence.document.sentences.find((s) => !evidence.sentences.includes(s) && s.figures.some((g) => g.kind === 'age' && sameNumber(figure, g)) && [...s.names].some((n) => names.has(n))) : undefined;
    if (elsewhere) {
      if (!finding.added.includes(elsewhere.passage)) finding.added.push(elsewhere.passage);
    } else open.push(figure);
  }
  if (open.length === 0) return finding;
  // Rivals come from the evidence and its neighbouring sentences, where the source tells the same
  // event. All the statement's figures are compared, so each source figure pairs with one of them:
  // in "a 1-3 draw" against "a 3-3 draw" the second 3 is the rival of the 1.
  const compared = compareFigures(analysis.figures, analysis.text, near, (m) => textOf.get(m) ?? '');
  finding.conflicts = compared.conflicts.filter((c) => open.includes(c.statement));
  finding.unmatched = compared.unmatched.filter((m) => open.includes(m));
  return finding;
}
