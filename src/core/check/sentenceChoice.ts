// The choice, among the sentences of a source read for a statement, of the one to three that say most of it.
import type { CheckContext } from './context';
import type { StatementWord } from './analysis';
import type { ReadSentence } from './documentReading';
import type { MeaningCutoffs } from './meaning';
import { antecedentStart } from './references';
import { cellFor, relatedMemoOf, relatedOf, type Cell } from './counterparts';
import { LINK_REACH } from './sentencesToRead';

// A statement draws on one to three sentences of a source (a fact and the age or title given
// elsewhere); more would let scattered words add up to a claim no sentence makes.
const MAX_SENTENCES = 3;

/** What every source is searched for, the same for each source a statement is read against. */
export interface WordsToFind {
  /** The words aligned with the evidence's words (not names, not quoted words). */
  aligned: StatementWord[];
  /** Words of names: they choose sentences as they are written there; whether the evidence carries them is decided after (namesPresent). */
  named: StatementWord[];
  statementTerms: ReadonlySet<string>;
  /** A figure is the most specific thing a statement says: in choosing sentences it counts like its weightiest word. */
  figureWeight: number;
  /** The least a sentence must add to join the evidence after the first. */
  minGain: number;
}

/** A quotation of the statement that the source read gives: its words, and their weight together. */
export interface QuotedHere {
  words: StatementWord[];
  weight: number;
}

/**
 * The choice, among the sentences considered, of those that say most of a statement. What it reads
 * again and again is kept flat, a row per sentence considered (`rows` has their indices). (A class,
 * not closures of evidenceIn: each part is compiled on its own, and the state is in fields of one shape.)
 * The arrays built here and handed on are filled by push, never by map: map gives a packed array
 * where it runs as a builtin and a holey one where it is compiled in, and every reader of an array
 * with the other layout is thrown out of its compiled code.
 */
export class SentenceChoice {
  /** Per row, the counterpart of each aligned word. */
  readonly cells: Cell[][] = [];
  /** The rows chosen, in the order taken. */
  readonly chosen: number[] = [];
  // Plain arrays: they hold a few hundred numbers at most, and a typed array costs more to create than that.
  private readonly strength: number[];
  private readonly figureIn: number[];
  private readonly nameIn: number[];
  private readonly quoteIn: number[];
  /** What the sentences chosen give: per aligned word its strongest counterpart, per figure, name and quotation 1 when given. */
  readonly current: number[];
  readonly figureFound: number[];
  private readonly nameFound: number[];
  private readonly quoteFound: number[];

  constructor(
    readonly rows: readonly number[],
    private readonly sentences: readonly ReadSentence[],
    private readonly wanted: WordsToFind,
    private readonly giving: readonly number[][],
    private readonly quoted: readonly QuotedHere[],
    private readonly context: CheckContext,
    cutoffs: MeaningCutoffs,
  ) {
    const { aligned, named, statementTerms } = wanted;
    this.strength = new Array(rows.length * aligned.length).fill(0);
    this.figureIn = new Array(rows.length * giving.length).fill(0);
    this.nameIn = new Array(rows.length * named.length).fill(0);
    this.quoteIn = new Array(rows.length * quoted.length).fill(0);
    this.current = new Array(aligned.length).fill(0);
    this.figureFound = new Array(giving.length).fill(0);
    this.nameFound = new Array(named.length).fill(0);
    this.quoteFound = new Array(quoted.length).fill(0);
    const relatedBySentence = relatedMemoOf(cutoffs);
    for (let r = 0; r < rows.length; r++) {
      const j = rows[r];
      const s = sentences[j];
      const memo = relatedOf(relatedBySentence, s);
      const row: Cell[] = [];
      for (const w of aligned) row.push(cellFor(w, s, memo, cutoffs, statementTerms));
      this.cells.push(row);
      for (let k = 0; k < row.length; k++) this.strength[r * aligned.length + k] = row[k].strength;
      for (let k = 0; k < giving.length; k++) this.figureIn[r * giving.length + k] = giving[k].includes(j) ? 1 : 0;
      for (let k = 0; k < named.length; k++) this.nameIn[r * named.length + k] = s.terms.has(named[k].term) ? 1 : 0;
      for (let k = 0; k < quoted.length; k++) this.quoteIn[r * quoted.length + k] = quoted[k].words.every((w) => s.terms.has(w.term)) ? 1 : 0;
    }
  }

  /** Takes the sentence that adds most, then those near it that add enough, up to MAX_SENTENCES. */
  choose(): void {
    const { rows, chosen } = this;
    const minGain = this.wanted.minGain;
    while (chosen.length < MAX_SENTENCES) {
      let pick = -1;
      let pickGain = 0;
      for (let r = 0; r < rows.length; r++) {
        const j = rows[r];
        if (chosen.includes(r) || (chosen.length > 0 && !this.linked(j))) continue;
        // A sentence joins the evidence for what it says of the statement's words and names; a figure
        // only ranks such sentences, so a changed figure never pulls in a sentence that merely contains it.
        // A sentence that refers back to the evidence ("This is about 30% more than in 2021.") may join for
        // its figure alone, and one near it that gives the statement's figure for some more of its words ("before the 2-0 victory").
        const words = this.wordGain(r);
        const g = chosen.length === 0 ? this.withFigures(r, words) + this.figuresReferredTo(r) : this.withFigures(r, words);
        const givesFigureAndWords = words > 1e-9 && g > words;
        if (words < (chosen.length === 0 ? 1e-9 : minGain) && !this.refersBack(j) && !givesFigureAndWords) continue;
        if (g > pickGain + 1e-9) [pick, pickGain] = [r, g];
      }
      if (pick < 0 || (chosen.length > 0 && pickGain < minGain)) break;
      this.take(pick);
    }
  }

  private wordGain(r: number): number {
    const { aligned, named } = this.wanted;
    const quoted = this.quoted;
    let g = 0;
    for (let k = 0; k < quoted.length; k++) if (!this.quoteFound[k] && this.quoteIn[r * quoted.length + k]) g += quoted[k].weight;
    for (let k = 0; k < aligned.length; k++) g += aligned[k].weight * Math.max(0, this.strength[r * aligned.length + k] - this.current[k]);
    for (let k = 0; k < named.length; k++) if (!this.nameFound[k] && this.nameIn[r * named.length + k]) g += named[k].weight;
    return g;
  }

  private withFigures(r: number, words: number): number {
    const n = this.giving.length;
    let g = words;
    for (let k = 0; k < n; k++) if (!this.figureFound[k] && this.figureIn[r * n + k]) g += this.wanted.figureWeight;
    return g;
  }

  private take(r: number): void {
    const { aligned, named } = this.wanted;
    const figures = this.giving.length;
    const quotes = this.quoted.length;
    this.chosen.push(r);
    for (let k = 0; k < aligned.length; k++) this.current[k] = Math.max(this.current[k], this.strength[r * aligned.length + k]);
    for (let k = 0; k < figures; k++) this.figureFound[k] ||= this.figureIn[r * figures + k];
    for (let k = 0; k < named.length; k++) this.nameFound[k] ||= this.nameIn[r * named.length + k];
    for (let k = 0; k < quotes; k++) this.quoteFound[k] ||= this.quoteIn[r * quotes + k];
  }

  // Sentences read together tell one thing: they stand within a few sentences of each other. (A
  // name or an age given elsewhere in the source is the name and figure rules' to find.)
  private refersBack(j: number): boolean {
    const { rows, sentences, chosen } = this;
    if (chosen.length === 0) return false;
    const from = antecedentStart(sentences[j].passage, this.context);
    return chosen.some((c) => rows[c] < j && sentences[rows[c]].passage.end > from);
  }

  // A figure given by a sentence that refers back ("This is about 30% more than in 2021.") is said of
  // what the sentence before it tells: it counts for that sentence when the evidence opens.
  private figuresReferredTo(r: number): number {
    const { rows, sentences, figureIn } = this;
    const n = this.giving.length;
    let g = 0;
    if (n === 0) return g;
    const j = rows[r];
    for (let i = j + 1; i <= j + LINK_REACH && i < sentences.length; i++) {
      // (A search of the few rows: only a statement with a figure gets here.)
      const ri = rows.indexOf(i);
      if (ri < 0 || antecedentStart(sentences[i].passage, this.context) >= sentences[j].passage.end) continue;
      for (let k = 0; k < n; k++) if (!figureIn[r * n + k] && figureIn[ri * n + k]) g += this.wanted.figureWeight;
    }
    return g;
  }

  private linked(j: number): boolean {
    for (const c of this.chosen) if (Math.abs(this.rows[c] - j) <= LINK_REACH) return true;
    return false;
  }
}
