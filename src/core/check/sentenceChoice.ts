// The choice, among the sentences of a source read for a statement, of the one to three that say most of it.
import type { CheckContext } from './context';
import type { StatementWord } from './analysis';
import type { ReadSentence } from './documentReading';
import type { MeaningCutoffs } from './meaning';
import { antecedentStart } from './references';
import { cellFor, counterpartKey, relatedMemoOf, relatedOf, type Cell } from './counterparts';
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
 * A choice is made again and again (reset, then choose): its work arrays are reused by the next
 * one, so a choice allocates nothing per sentence; what evidence keeps of it is copied out.
 * The arrays built here and handed on are filled by push, never by map: map gives a packed array
 * where it runs as a builtin and a holey one where it is compiled in, and every reader of an array
 * with the other layout is thrown out of its compiled code.
 */
export class SentenceChoice {
  rows: readonly number[] = [];
  private sentences: readonly ReadSentence[] = [];
  private wanted!: WordsToFind;
  private giving: readonly number[][] = [];
  private quoted: readonly QuotedHere[] = [];
  /** What a sentence remembers each aligned word's counterpart by (see cellFor; entries past the words' are stale). */
  private readonly keys: string[] = [];
  /** Per row, the counterpart of each aligned word (row r's at r * aligned.length; cells past the rows' are stale). */
  private readonly cells: Cell[] = [];
  /** The rows chosen (`chosenCount` of them), in the order taken. */
  readonly chosen = new Int32Array(MAX_SENTENCES);
  chosenCount = 0;
  // Typed arrays, grown as needed and kept: a new one costs more to create than the few hundred numbers it holds.
  private strength = new Float64Array(0);
  private figureIn = new Uint8Array(0);
  private nameIn = new Uint8Array(0);
  private quoteIn = new Uint8Array(0);
  /** What the sentences chosen give: per aligned word its strongest counterpart, per figure, name and quotation 1 when given. */
  current = new Float64Array(0);
  figureFound = new Uint8Array(0);
  private nameFound = new Uint8Array(0);
  private quoteFound = new Uint8Array(0);

  /** Sets up a choice among `rows`, reading what each gives. */
  reset(rows: readonly number[], sentences: readonly ReadSentence[], wanted: WordsToFind, giving: readonly number[][], quoted: readonly QuotedHere[], cutoffs: MeaningCutoffs): void {
    this.rows = rows;
    this.sentences = sentences;
    this.wanted = wanted;
    this.giving = giving;
    this.quoted = quoted;
    this.chosenCount = 0;
    const { aligned, named, statementTerms } = wanted;
    for (let k = 0; k < aligned.length; k++) setAt(this.keys, k, counterpartKey(aligned[k]));
    this.fit(rows.length, aligned.length, giving.length, named.length, quoted.length);
    const relatedBySentence = relatedMemoOf(cutoffs);
    for (let r = 0; r < rows.length; r++) {
      const j = rows[r];
      const s = sentences[j];
      const memo = relatedOf(relatedBySentence, s);
      for (let k = 0; k < aligned.length; k++) {
        const cell = cellFor(aligned[k], this.keys[k], s, memo, cutoffs, statementTerms);
        setAt(this.cells, r * aligned.length + k, cell);
        this.strength[r * aligned.length + k] = cell.strength;
      }
      for (let k = 0; k < giving.length; k++) this.figureIn[r * giving.length + k] = giving[k].includes(j) ? 1 : 0;
      for (let k = 0; k < named.length; k++) this.nameIn[r * named.length + k] = s.terms.has(named[k].term) ? 1 : 0;
      for (let k = 0; k < quoted.length; k++) this.quoteIn[r * quoted.length + k] = allIn(quoted[k].words, s) ? 1 : 0;
    }
  }

  /** The counterpart row r gives of aligned word k. */
  cell(r: number, k: number): Cell {
    return this.cells[r * this.wanted.aligned.length + k];
  }

  /** Work arrays with room for this choice (grown, never shrunk), the found ones zeroed. */
  private fit(rows: number, aligned: number, figures: number, names: number, quotes: number): void {
    if (this.strength.length < rows * aligned) this.strength = new Float64Array(grown(rows * aligned));
    if (this.figureIn.length < rows * figures) this.figureIn = new Uint8Array(grown(rows * figures));
    if (this.nameIn.length < rows * names) this.nameIn = new Uint8Array(grown(rows * names));
    if (this.quoteIn.length < rows * quotes) this.quoteIn = new Uint8Array(grown(rows * quotes));
    if (this.current.length < aligned) this.current = new Float64Array(grown(aligned));
    if (this.figureFound.length < figures) this.figureFound = new Uint8Array(grown(figures));
    if (this.nameFound.length < names) this.nameFound = new Uint8Array(grown(names));
    if (this.quoteFound.length < quotes) this.quoteFound = new Uint8Array(grown(quotes));
    // (Loops: a typed array's fill is a builtin call that costs more than these few stores.)
    for (let k = 0; k < aligned; k++) this.current[k] = 0;
    for (let k = 0; k < figures; k++) this.figureFound[k] = 0;
    for (let k = 0; k < names; k++) this.nameFound[k] = 0;
    for (let k = 0; k < quotes; k++) this.quoteFound[k] = 0;
  }

  /**
   * Takes the sentence that adds most, then those near it that add enough, up to MAX_SENTENCES.
   * (The context is passed, not kept: a choice kept for reuse must not hold a corpus after its check.)
   */
  choose(context: CheckContext): void {
    const rows = this.rows;
    const minGain = this.wanted.minGain;
    while (this.chosenCount < MAX_SENTENCES) {
      const first = this.chosenCount === 0;
      let pick = -1;
      let pickGain = 0;
      for (let r = 0; r < rows.length; r++) {
        const j = rows[r];
        if (this.isChosen(r) || (!first && !this.linked(j))) continue;
        // A sentence joins the evidence for what it says of the statement's words and names; a figure
        // only ranks such sentences, so a changed figure never pulls in a sentence that merely contains it.
        // A sentence that refers back to the evidence ("This is about 30% more than in 2021.") may join for
        // its figure alone, and one near it that gives the statement's figure for some more of its words ("before the 2-0 victory").
        const words = this.wordGain(r);
        const g = first ? this.withFigures(r, words) + this.figuresReferredTo(r, context) : this.withFigures(r, words);
        const givesFigureAndWords = words > 1e-9 && g > words;
        if (words < (first ? 1e-9 : minGain) && !this.refersBack(j, context) && !givesFigureAndWords) continue;
        if (g > pickGain + 1e-9) {
          pick = r;
          pickGain = g;
        }
      }
      if (pick < 0 || (!first && pickGain < minGain)) break;
      this.take(pick);
    }
  }

  private isChosen(r: number): boolean {
    for (let c = 0; c < this.chosenCount; c++) if (this.chosen[c] === r) return true;
    return false;
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
    this.chosen[this.chosenCount++] = r;
    for (let k = 0; k < aligned.length; k++) this.current[k] = Math.max(this.current[k], this.strength[r * aligned.length + k]);
    for (let k = 0; k < figures; k++) this.figureFound[k] ||= this.figureIn[r * figures + k];
    for (let k = 0; k < named.length; k++) this.nameFound[k] ||= this.nameIn[r * named.length + k];
    for (let k = 0; k < quotes; k++) this.quoteFound[k] ||= this.quoteIn[r * quotes + k];
  }

  // Sentences read together tell one thing: they stand within a few sentences of each other. (A
  // name or an age given elsewhere in the source is the name and figure rules' to find.)
  private refersBack(j: number, context: CheckContext): boolean {
    const { rows, sentences } = this;
    // (Where j's antecedent starts, a few regular expressions and an index lookup, is asked only when a sentence chosen stands before it.)
    let from: number | undefined;
    for (let c = 0; c < this.chosenCount; c++) {
      const before = rows[this.chosen[c]];
      if (before >= j) continue;
      from ??= antecedentStart(sentences[j].passage, context);
      if (sentences[before].passage.end > from) return true;
    }
    return false;
  }

  // A figure given by a sentence that refers back ("This is about 30% more than in 2021.") is said of
  // what the sentence before it tells: it counts for that sentence when the evidence opens.
  private figuresReferredTo(r: number, context: CheckContext): number {
    const { rows, sentences, figureIn } = this;
    const n = this.giving.length;
    let g = 0;
    if (n === 0) return g;
    const j = rows[r];
    for (let i = j + 1; i <= j + LINK_REACH && i < sentences.length; i++) {
      // (A search of the few rows: only a statement with a figure gets here.)
      const ri = rows.indexOf(i);
      if (ri < 0 || !this.addsFigure(r, ri) || antecedentStart(sentences[i].passage, context) >= sentences[j].passage.end) continue;
      for (let k = 0; k < n; k++) if (!figureIn[r * n + k] && figureIn[ri * n + k]) g += this.wanted.figureWeight;
    }
    return g;
  }

  /** Whether row ri gives a figure row r does not (asked before whether ri refers back to r, which costs more). */
  private addsFigure(r: number, ri: number): boolean {
    const n = this.giving.length;
    for (let k = 0; k < n; k++) if (!this.figureIn[r * n + k] && this.figureIn[ri * n + k]) return true;
    return false;
  }

  private linked(j: number): boolean {
    for (let c = 0; c < this.chosenCount; c++) if (Math.abs(this.rows[this.chosen[c]] - j) <= LINK_REACH) return true;
    return false;
  }
}

/** Sets an entry of a reused array, in order: one past the end is pushed, so the array keeps one packed layout. */
function setAt<T>(list: T[], at: number, value: T): void {
  if (at < list.length) list[at] = value;
  else list.push(value);
}

/** Room for a little more than needed, so the arrays are seldom grown. */
function grown(needed: number): number {
  return Math.max(64, needed * 2);
}

/** Whether the sentence uses every one of the words. */
function allIn(words: readonly StatementWord[], sentence: ReadSentence): boolean {
  for (const w of words) if (!sentence.terms.has(w.term)) return false;
  return true;
}
