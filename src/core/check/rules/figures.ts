import type { Passage } from '../../types';
import type { StatementAnalysis } from '../analysis';
import type { Evidence } from '../evidence';
import { sentencesGiving } from '../sentencesToRead';
import type { CheckContext } from '../context';
import { compareFigures, type NumberConflict } from '../numberCheck';
import { contentTerms } from '../../search/tokenize';
import { findNumbers, sameNumber, type NumberKind, type NumberMention } from '../numbers';
import { antecedentStart } from '../references';
import type { ReadSentence } from '../documentReading';

/** What the evidence makes of the statement's figures. */
export interface FigureFinding {
  conflicts: NumberConflict[];
  /** Figures the evidence neither gives nor contradicts. */
  unmatched: NumberMention[];
  /** Sentences of the source, beyond the evidence, that give one of the figures of someone the evidence names. */
  added: Passage[];
}

/**
 * A figure is the source's when a sentence of the evidence (or a neighbour) gives it. Else a
 * figure of its kind in the evidence's main sentence is the source's version of it (a conflict).
 * Else, for an age or a date (said once of a person or an event, "Spahic, 34, ..."), another
 * sentence of the same source may give it of what the statement speaks of: a sentence that names
 * someone the statement or the evidence names, or shares two of the statement's words. A count,
 * score or amount may come from another sentence only where that sentence says it of the same
 * thing. Else a figure of its kind near the evidence is the source's version, and a figure with none is unmatched.
 */
const CIRCUMSTANTIAL: ReadonlySet<NumberKind> = new Set<NumberKind>(['age', 'year', 'month', 'weekday', 'day']);

export function checkFigures(analysis: StatementAnalysis, evidence: Evidence, context: CheckContext): FigureFinding {
  const finding: FigureFinding = { conflicts: [], unmatched: [], added: [] };
  if (analysis.figures.length === 0) return finding;
  // The evidence gives what its sentences and their neighbours give (and, after "This is 30% more", what came before).
  const doc = context.documents.get(evidence.docId);
  // Each figure near the evidence, with the text it was read in and where that text starts in the source (same index).
  const near: NumberMention[] = [];
  const nearText: string[] = [];
  const nearFrom: number[] = [];
  if (doc) {
    for (const p of evidence.passages) {
      const from = antecedentStart(p, context);
      const text = doc.text.slice(from, p.contextEnd);
      for (const m of findNumbers(text)) {
        near.push(m);
        nearText.push(text);
        nearFrom.push(from);
      }
    }
  }
  // An age the source says of the statement's person is the one to compare, whoever else is that age in the source.
  const ownAges = analysis.figures.filter((figure) => figure.kind === 'age' && figure.owner !== undefined);
  for (const figure of ownAges) {
    const theirs = evidence.document.figuresByValue.map((f) => f.figure).filter((g) => g.kind === 'age' && g.owner === figure.owner);
    if (theirs.length > 0 && !theirs.some((g) => sameNumber(figure, g))) finding.conflicts.push({ statement: figure, source: theirs[0] });
  }
  const given = (figure: NumberMention): boolean => evidence.sentences.some((s) => s.figures.some((g) => sameNumber(figure, g))) || near.some((g) => sameNumber(figure, g));
  const open = analysis.figures.filter((figure) => !given(figure) && !finding.conflicts.some((c) => c.statement === figure));
  if (open.length === 0) return finding;
  // All the statement's figures are compared, so each source figure pairs with one of them: in
  // "a 1-3 draw" against "a 3-3 draw" the second 3 is the rival of the 1.
  const compared = compareFigures(analysis.figures, analysis.text, near, (m) => nearText[near.indexOf(m)] ?? '');
  const primary = evidence.sentences[0];
  const inPrimary = (m: NumberMention): boolean => {
    const i = near.indexOf(m);
    const at = i < 0 ? -1 : nearFrom[i] + m.start;
    return at >= primary.passage.start && at < primary.passage.end;
  };
  // Built only when a sentence beyond the evidence gives one of the figures (most figures have none).
  let whom: WhomItSpeaksOf | undefined;
  for (const figure of open) {
    const conflict = compared.conflicts.find((c) => c.statement === figure);
    if (conflict && inPrimary(conflict.source)) {
      finding.conflicts.push(conflict);
      continue;
    }
    // "The 34-year-old" and "the 34-year-old defender" name no one: an age said of no one by both is the article's subject's.
    const unownedAge = (s: ReadSentence): boolean => figure.kind === 'age' && !figure.owner && s.figures.some((g) => g.kind === 'age' && !g.owner && sameNumber(figure, g));
    const fromElsewhere = (s: ReadSentence): boolean => {
      whom ??= new WhomItSpeaksOf(analysis, evidence);
      return CIRCUMSTANTIAL.has(figure.kind) ? s.figures.some((g) => sameNumber(figure, g)) && (whom.speaksOf(s) || unownedAge(s)) : saidOfTheSame(figure, s, whom.statementNames, whom.statementTerms);
    };
    // Only a sentence that gives the figure can (found through the source's figure index, not by reading every sentence).
    const sentences = evidence.document.sentences;
    const at = sentencesGiving(figure, evidence.document).find((j) => !evidence.sentences.includes(sentences[j]) && fromElsewhere(sentences[j]));
    const elsewhere = at === undefined ? undefined : sentences[at];
    if (elsewhere) {
      if (!finding.added.includes(elsewhere.passage)) finding.added.push(elsewhere.passage);
    } else if (conflict) finding.conflicts.push(conflict);
    else finding.unmatched.push(figure);
  }
  return finding;
}

/** Whom and what the statement and its evidence speak of, for telling whether another sentence of the source speaks of it too. */
class WhomItSpeaksOf {
  readonly statementNames: ReadonlySet<string>;
  readonly statementTerms: ReadonlySet<string>;
  private readonly names: ReadonlySet<string>;
  private readonly words: ReadonlySet<string>;
  private readonly ages: readonly NumberMention[];

  constructor(analysis: StatementAnalysis, evidence: Evidence) {
    this.statementNames = new Set(analysis.names.flatMap((g) => g.terms));
    this.statementTerms = new Set(analysis.words.map((w) => w.term));
    this.names = new Set([...this.statementNames, ...evidence.sentences.flatMap((s) => [...s.names])]);
    this.words = new Set(analysis.words.filter((w) => w.name === undefined).map((w) => w.term));
    this.ages = analysis.figures.filter((f) => f.kind === 'age');
  }

  /** A sentence that gives the statement's person's age without naming anyone ("The 25-year-old cousin ...") speaks of that person. */
  speaksOf(s: ReadSentence): boolean {
    return [...s.names].some((n) => this.names.has(n)) || [...s.terms].filter((t) => this.words.has(t)).length >= 2 || s.figures.some((g) => g.kind === 'age' && !g.owner && this.ages.some((f) => sameNumber(f, g)));
  }
}

const AROUND_WORDS = 4;

/**
 * A count, score or amount belongs to what it is said of: another sentence gives the statement's
 * figure when it names whom the statement names (or either names no one), says the figure beside one of the
 * statement's words, and the name just before the figure, if any, is one of the statement's
 * ("Berg 12, Lund 30").
 */
function saidOfTheSame(figure: NumberMention, sentence: ReadSentence, statementNames: ReadonlySet<string>, statementTerms: ReadonlySet<string>): boolean {
  // A sentence that names no one speaks of its story's subject by description ("A producer is suing ..."), and so does a statement.
  if (statementNames.size > 0 && sentence.names.size > 0 && ![...sentence.names].some((n) => statementNames.has(n))) return false;
  const text = sentence.passage.text;
  return sentence.figures.some((g) => {
    if (!sameNumber(figure, g)) return false;
    const before = contentTerms(text.slice(Math.max(0, g.start - 80), g.start)).slice(-AROUND_WORDS);
    const after = contentTerms(text.slice(g.end, g.end + 80)).slice(0, AROUND_WORDS);
    const owner = [...before].reverse().find((t) => sentence.names.has(t));
    return (owner === undefined || statementNames.has(owner)) && [...before, ...after].some((t) => statementTerms.has(t));
  });
}
