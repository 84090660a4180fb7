import type { Passage } from '../types';
import type { ScoredPassage } from '../search/passageIndex';
import type { CheckContext } from './context';
import type { StatementAnalysis, StatementWord } from './analysis';
import { entityPresent, type EntityGroup } from './entities';
import { antecedentStart, referredTerms } from './references';
import { contentTerms, tokenTerm, wordTokens, type WordToken } from '../search/tokenize';
import { isBaseVerb, isPassiveAt } from '../lexicon/voice';
import { readDocument, type ReadDocument, type ReadSentence, type SentencesWithTerm } from './documentReading';
import { sameNumber, type NumberMention } from './numbers';
import { wordMeaning, wordRelation, type MatchKind, type Meaning, type MeaningCutoffs } from './meaning';
import { THRESHOLDS } from './thresholds';

/** A statement word and its best counterpart in the evidence. */
export interface WordMatch {
  word: StatementWord;
  /** 0 (no counterpart) to 1 (the same word, or one that means it). */
  strength: number;
  kind?: MatchKind;
  /** The counterpart as the source writes it. */
  counterpart?: string;
  passage?: Passage;
}

/** The sentences of one source that together say most of what a statement says. */
export interface Evidence {
  docId: string;
  /** The sentences used, the one that says most first. */
  passages: Passage[];
  matches: WordMatch[];
  /** Weighted share of the statement's words the evidence gives (a name counts when the evidence carries it). */
  coverage: number;
  /** Names of the statement the source never mentions. */
  missingNames: EntityGroup[];
  /** Names the source mentions, but not in (or referred to by) the sentences used. */
  detachedNames: EntityGroup[];
  /**
   * Names the evidence carries only by reference (a neighbour, "he", the source's topic) while
   * its main sentence names someone the statement does not: "Kuleba accused" against "Blinken accused".
   */
  substitutedNames: EntityGroup[];
  /** Weighted share of the statement's words its main sentence gives alone. */
  primaryCoverage: number;
  /** Weighted share of the statement the evidence gives, each figure weighing as its weightiest word (for choosing among sources). */
  said: number;
  /** Statement words whose opposite the evidence says ("lost" where the source says "won"). */
  opposites: WordMatch[];
  document: ReadDocument;
  sentences: ReadSentence[];
}

/**
 * Where an infinitive that starts a clause of its own after the verb ending at `from` begins, or
 * Infinity: one after the verb's object ("visited Kyiv to meet"), not one right after the verb, which completes it ("combined to stage").
 */
function infinitiveAfter(tokens: readonly WordToken[], from: number): number {
  const first = tokens.findIndex((t) => t.start >= from);
  const at = tokens.findIndex((t, k) => k > first && t.norm === 'to' && tokens[k + 1] !== undefined && isBaseVerb(tokens[k + 1].norm));
  return first < 0 || at < 0 ? Infinity : tokens[at].start;
}

// A statement draws on one to three sentences of a source (a fact and the age or title given
// elsewhere); more would let scattered words add up to a claim no sentence makes.
const MAX_SENTENCES = 3;
// Each source read costs most of a check; beyond the two best-ranked ones the dev sets gain nothing.
const CANDIDATE_DOCUMENTS = 2;
const LINK_REACH = 2;
// A counterpart this close in meaning is the word itself, said another way (the arbiter calls weaker ones weak).
const STRONG_MATCH = 0.75;

/** Every match has the same fields, unset ones undefined: the rules read thousands of them, and one shape keeps those reads fast. */
function wordMatch(word: StatementWord, strength: number, kind?: MatchKind, counterpart?: string, passage?: Passage): WordMatch {
  return { word, strength, kind, counterpart, passage };
}

interface Cell {
  readonly strength: number;
  readonly kind?: MatchKind;
  readonly counterpart?: string;
}

/** A cell with every field set, like wordMatch(); cells are shared between statements, so only read. */
function cellWith(strength: number, kind?: MatchKind, counterpart?: string): Cell {
  return { strength, kind, counterpart };
}

/** The best evidence for a statement among the sources of its candidate passages (and of its quotes). */
export function assembleEvidence(analysis: StatementAnalysis, candidates: readonly ScoredPassage[], context: CheckContext, cutoffs: MeaningCutoffs = THRESHOLDS.meaning): Evidence | undefined {
  const docIds: string[] = [];
  for (const q of analysis.quotes) if (q.passage && !docIds.includes(q.passage.docId)) docIds.push(q.passage.docId);
  for (const c of candidates) if (!docIds.includes(c.passage.docId)) docIds.push(c.passage.docId);
  let best: Evidence | undefined;
  const wanted = wordsToFind(analysis);
  for (const docId of docIds.slice(0, CANDIDATE_DOCUMENTS)) {
    const evidence = evidenceIn(docId, analysis, wanted, candidates, context, cutoffs);
    // The source that names everyone the statement names, then the one that says most of it, its figures included.
    if (evidence && (!best || evidence.missingNames.length < best.missingNames.length || (evidence.missingNames.length === best.missingNames.length && evidence.said > best.said + 1e-9))) best = evidence;
  }
  return best;
}

/** What every source is searched for, the same for each source a statement is read against. */
interface WordsToFind {
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

/** (One pass over the words, pushing: the arrays have one layout, empty or not; see SentenceChoice.) */
function wordsToFind(analysis: StatementAnalysis): WordsToFind {
  const aligned: StatementWord[] = [];
  const named: StatementWord[] = [];
  const statementTerms = new Set<string>();
  let figureWeight = 1;
  let lightest = Infinity;
  for (const w of analysis.words) {
    statementTerms.add(w.term);
    figureWeight = Math.max(figureWeight, w.weight);
    if (w.quote !== undefined) continue;
    if (w.name !== undefined) named.push(w);
    else {
      aligned.push(w);
      lightest = Math.min(lightest, w.weight);
    }
  }
  return { aligned, named, statementTerms, figureWeight, minGain: aligned.length > 0 ? lightest / 2 : 0 };
}

function evidenceIn(docId: string, analysis: StatementAnalysis, wanted: WordsToFind, candidates: readonly ScoredPassage[], context: CheckContext, cutoffs: MeaningCutoffs): Evidence | undefined {
  const passages = context.passagesOf(docId);
  if (passages.length === 0) return undefined;
  const doc = readDocument(docId, passages, (term) => context.index.isCommonWord(term));
  const sentences = doc.sentences;
  const { aligned, figureWeight } = wanted;
  const { read: considered, giving } = sentencesToRead(analysis, doc, candidates, (term) => context.index.sentencesWith?.(docId, passages, term));
  // A quotation chooses the sentence that carries its words, like any other words of the statement
  // (the quote may also be found where its speaker said it, away from what the statement tells).
  const quoted: QuotedHere[] = [];
  analysis.quotes.forEach((q, i) => {
    const words = analysis.words.filter((w) => w.quote === i);
    if (words.length > 0 && q.passage?.docId === docId) quoted.push({ words, weight: words.reduce((sum, w) => sum + w.weight, 0) });
  });
  // Only the sentences considered can join the evidence: what each gives is worked out for those alone.
  const choice = new SentenceChoice([...considered], sentences, wanted, giving, quoted, context, cutoffs);
  choice.choose();
  const { rows, cells, chosen, current, figureFound } = choice;
  if (chosen.length === 0) return undefined;

  // A verb is said of its subject or object: its counterpart counts only in a sentence that gives one of them.
  const subject = analysis.names.find((g) => g.predicateStart !== undefined);
  const predicate = subject ? aligned.findIndex((w) => w.start === subject.predicateStart) : -1;
  // Its object is in its own clause: an infinitive after it ("visited Kyiv to meet Zelensky") starts another.
  const clauseEnd = predicate >= 0 ? infinitiveAfter(analysis.tokens, aligned[predicate].end) : Infinity;
  const objects: number[] = [];
  if (predicate >= 0) for (let k = predicate + 1; k < aligned.length && objects.length < 3; k++) if (aligned[k].start < clauseEnd) objects.push(k);
  function carriesArgument(r: number): boolean {
    return subjectBefore(r) || objects.some((k) => cells[r][k].strength >= STRONG_MATCH);
  }
  // In the active voice the subject comes before its verb: a name after the counterpart ("His comments came a day
  // after Orban said") is not its subject. A passive on either side ("Spahic has been released" against
  // "Leverkusen has released Spahic") puts it after, so there any mention counts.
  const statementPassive = predicate >= 0 && isPassiveAt(analysis.tokens, analysis.tokens.findIndex((t) => t.start === aligned[predicate].start));
  function subjectBefore(r: number): boolean {
    const counterpart = cells[r][predicate].counterpart?.toLowerCase();
    const tokens = wordTokens(sentences[rows[r]].passage.text);
    const verbAt = counterpart === undefined ? -1 : tokens.findIndex((t) => t.norm === counterpart || t.raw.toLowerCase() === counterpart);
    const upTo = verbAt < 0 || statementPassive || isPassiveAt(tokens, verbAt) ? tokens.length : verbAt;
    return tokens.slice(0, upTo).some((t) => subject!.terms.includes(tokenTerm(t) ?? ''));
  }

  const chosenSentences: ReadSentence[] = [];
  const passagesUsed: Passage[] = [];
  for (const r of chosen) {
    chosenSentences.push(sentences[rows[r]]);
    passagesUsed.push(sentences[rows[r]].passage);
  }
  const present = namesPresent(analysis, chosenSentences, context);
  const documentCount = (term: string): number => context.termCountIn(docId, term);
  const inDocument: boolean[] = [];
  analysis.names.forEach((g, i) => {
    inDocument.push(present[i] || entityPresent(g, { sentenceTerms: doc.terms, contextTerms: new Set(), documentCount }) || (g.terms.length === 1 && namedByMeaning(analysis, g, [doc])));
  });
  const matchOf = (word: StatementWord): WordMatch => {
    if (word.name !== undefined) return present[word.name] ? wordMatch(word, 1, 'name') : wordMatch(word, 0);
    if (word.quote !== undefined) {
      const q = analysis.quotes[word.quote];
      if (q.passage?.docId === docId) return wordMatch(word, 1, 'quote', undefined, q.passage);
      // A short quotation ("clearly") found first in another source may stand word for word here too.
      const at = chosenSentences.find((s) => s.terms.has(word.term));
      return at === undefined ? wordMatch(word, 0) : wordMatch(word, 1, 'same', at.spelling.get(word.term), at.passage);
    }
    const k = aligned.indexOf(word);
    let bestAt = -1;
    for (const r of chosen) if ((k !== predicate || carriesArgument(r)) && (bestAt < 0 || cells[r][k].strength > cells[bestAt][k].strength)) bestAt = r;
    if (bestAt < 0) return wordMatch(word, 0);
    const cell = cells[bestAt][k];
    return cell.strength > 0 ? wordMatch(word, cell.strength, cell.kind, cell.counterpart, sentences[rows[bestAt]].passage) : wordMatch(word, 0);
  };
  const matches: WordMatch[] = [];
  for (const word of analysis.words) matches.push(matchOf(word));
  const opposites: WordMatch[] = [];
  aligned.forEach((word, k) => {
    if (current[k] > 0) return;
    for (const r of chosen) if (cells[r][k].kind === 'antonym') opposites.push(wordMatch(word, 0, 'antonym', cells[r][k].counterpart, sentences[rows[r]].passage));
  });
  const primary = chosen[0];
  let total = 0;
  let covered = 0;
  let primaryCovered = 0;
  for (const m of matches) {
    const k = aligned.indexOf(m.word);
    total += m.word.weight;
    covered += m.word.weight * m.strength;
    primaryCovered += m.word.weight * (k >= 0 ? cells[primary][k].strength : m.strength);
  }
  return {
    docId,
    passages: passagesUsed,
    matches,
    coverage: total > 0 ? covered / total : 0,
    said: total + figureWeight * figureFound.length > 0 ? (covered + figureWeight * figureFound.reduce((n, found) => n + found, 0)) / (total + figureWeight * figureFound.length) : 0,
    missingNames: analysis.names.filter((_, i) => !inDocument[i]),
    detachedNames: analysis.names.filter((_, i) => inDocument[i] && !present[i]),
    primaryCoverage: total > 0 ? primaryCovered / total : 0,
    substitutedNames: substituted(analysis, chosenSentences, present, context),
    opposites,
    document: doc,
    sentences: chosenSentences,
  };
}

/** A quotation of the statement that the source read gives: its words, and their weight together. */
interface QuotedHere {
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
class SentenceChoice {
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

// Reading a sentence for meaning costs a lexicon lookup per pair of words: only the sentences
// that share most words, names and figures with the statement (and the retrieved ones), with the
// neighbours they may be read with, are read that way.
const SENTENCES_BY_WORDS = 3;

/** The sentences to read (see above), and for each of the statement's figures the sentences that give it. */
function sentencesToRead(analysis: StatementAnalysis, doc: ReadDocument, candidates: readonly ScoredPassage[], indexed: SentencesWithTerm): { read: Set<number>; giving: number[][] } {
  // Each sentence scores the weights of the statement's words it uses, then 1 for each figure it gives.
  const score = new Map<number, number>();
  for (const w of analysis.words) for (const j of doc.sentencesWith(w.term, indexed)) score.set(j, (score.get(j) ?? 0) + w.weight);
  const giving: number[][] = [];
  for (const f of analysis.figures) giving.push(sentencesGiving(f, doc));
  for (const at of giving) for (const j of at) score.set(j, (score.get(j) ?? 0) + 1);
  // The best-scoring few, ties to the earlier sentence.
  const best: Array<[j: number, score: number]> = [];
  for (const entry of score) {
    if (!(entry[1] > 0)) continue;
    let at = best.length;
    while (at > 0 && (entry[1] > best[at - 1][1] || (entry[1] === best[at - 1][1] && entry[0] < best[at - 1][0]))) at--;
    if (at < SENTENCES_BY_WORDS) best.splice(at, 0, entry);
    if (best.length > SENTENCES_BY_WORDS) best.pop();
  }
  const seeds = new Set(best.map(([j]) => j));
  const retrieved: number[] = [];
  for (const c of candidates) {
    const j = doc.sentenceOf.get(c.passage.id);
    if (j !== undefined) retrieved.push(j);
  }
  for (const j of retrieved.sort((a, b) => a - b)) seeds.add(j);
  for (const q of analysis.quotes) {
    const at = q.passage ? doc.sentenceOf.get(q.passage.id) : undefined;
    if (at !== undefined) seeds.add(at);
  }
  const read = new Set<number>();
  for (const j of seeds) for (let k = Math.max(0, j - LINK_REACH); k <= Math.min(doc.sentences.length - 1, j + LINK_REACH); k++) read.add(k);
  return { read, giving };
}

/** The sentences (indices, ascending) that give the figure: those with a figure of about its value that sameNumber() accepts. */
export function sentencesGiving(figure: NumberMention, doc: ReadDocument): number[] {
  // An unbounded figure ("1e999") is compared with every figure, as sameNumber() decides (never the index's bounds).
  if (!Number.isFinite(figure.value)) return doc.sentences.flatMap((s, j) => (s.figures.some((g) => sameNumber(figure, g)) ? [j] : []));
  const byValue = doc.figuresByValue;
  // sameNumber() accepts values within 1e-9 of the statement's figure, relatively (searched a little wider; it decides).
  const tolerance = 2e-9 * Math.max(1, Math.abs(figure.value));
  let low = 0;
  let high = byValue.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byValue[mid].value < figure.value - tolerance) low = mid + 1;
    else high = mid;
  }
  const found = new Set<number>();
  for (let i = low; i < byValue.length && byValue[i].value <= figure.value + tolerance; i++) if (sameNumber(figure, byValue[i].figure)) found.add(byValue[i].at);
  return [...found].sort((a, b) => a - b);
}

/** How a sentence gives a statement word: the same index term, else the word that means it most nearly. */
function cellFor(word: StatementWord, sentence: ReadSentence, byWord: Map<string, RelatedWords>, cutoffs: MeaningCutoffs, statementTerms: ReadonlySet<string>): Cell {
  // A word's term follows from its folded form, but for an acronym ("NATO": "nato_"), the one term ending in "_".
  const key = word.term.endsWith('_') ? word.term : word.norm;
  let found = byWord.get(key);
  if (!found) {
    found = sentence.terms.has(word.term) ? relatedWordsOf([], cellWith(1, 'same', sentence.spelling.get(word.term))) : relatedWords(word.norm, sentence, cutoffs);
    byWord.set(key, found);
  }
  // The best related word stays the best when the statement's own words are set aside, unless it is one of them.
  if (found.bestTerm === undefined || !statementTerms.has(found.bestTerm)) return found.best;
  const at = bestRelated(found.words, sentence, statementTerms);
  if (at < 0) return NO_COUNTERPART;
  found.cells ??= [];
  found.cells[at] ??= cellOf(found.words[at], sentence);
  return found.cells[at];
}

/** A related word as the counterpart of a statement word. */
function cellOf({ at, meaning }: RelatedWord, sentence: ReadSentence): Cell {
  return cellWith(meaning.strength, meaning.kind, sentence.words[at]);
}

/**
 * Which of a sentence's related words is the counterpart (an index into `words`), or -1: the first of
 * the strongest, else the first opposite; a source word the statement itself uses stands for that
 * word, not for another ("last" is not "higher").
 */
function bestRelated(words: readonly RelatedWord[], sentence: ReadSentence, statementTerms?: ReadonlySet<string>): number {
  let best = -1;
  for (let i = 0; i < words.length; i++) {
    const { at, meaning } = words[i];
    if (statementTerms?.has(sentence.wordTerms[at])) continue;
    const strength = best < 0 ? 0 : words[best].meaning.strength;
    if (meaning.strength > strength || (best < 0 && meaning.kind === 'antonym')) best = i;
  }
  return best;
}

// Every sentence without a counterpart for a word shares this one.
const NO_COUNTERPART = cellWith(0);

interface RelatedWord {
  /** Index into the sentence's `words`. */
  at: number;
  meaning: Meaning;
}

/**
 * A sentence's words related to one statement word, and the counterpart they give when none is set
 * aside (for a word the sentence uses itself, none and that word).
 */
interface RelatedWords {
  words: readonly RelatedWord[];
  best: Cell;
  /** The index term of the best one's word. */
  bestTerm?: string;
  /** The counterparts of `words` when the best is set aside, by index, as first asked for. */
  cells?: Cell[];
}

/** Related words with every field set (see wordMatch()). */
function relatedWordsOf(words: readonly RelatedWord[], best: Cell, bestTerm?: string): RelatedWords {
  return { words, best, bestTerm, cells: undefined };
}

const NONE_RELATED = relatedWordsOf([], NO_COUNTERPART);
// A draft's statements keep asking the same source sentences about the same words: each sentence
// remembers, per statement word, the few of its words related to it (per set of cut-offs: the fit tries several).
type RelatedMemo = WeakMap<ReadSentence, Map<string, RelatedWords>>;
const relatedMemo = new WeakMap<MeaningCutoffs, RelatedMemo>();

/** The memo for one set of cut-offs (looked up once per source read, not once per pair of words). */
function relatedMemoOf(cutoffs: MeaningCutoffs): RelatedMemo {
  let bySentence = relatedMemo.get(cutoffs);
  if (!bySentence) {
    bySentence = new WeakMap();
    relatedMemo.set(cutoffs, bySentence);
  }
  return bySentence;
}

/** One sentence's memo, by statement word (looked up once per sentence, not once per statement word). */
function relatedOf(bySentence: RelatedMemo, sentence: ReadSentence): Map<string, RelatedWords> {
  let byWord = bySentence.get(sentence);
  if (!byWord) {
    byWord = new Map();
    bySentence.set(sentence, byWord);
  }
  return byWord;
}

/** The sentence's words related in meaning to a statement word (folded), in the sentence's order. */
function relatedWords(norm: string, sentence: ReadSentence, cutoffs: MeaningCutoffs): RelatedWords {
  const words: RelatedWord[] = [];
  sentence.words.forEach((candidate, at) => {
    const meaning = wordMeaning(norm, candidate, cutoffs);
    if (meaning) words.push({ at, meaning });
  });
  const best = bestRelated(words, sentence);
  return words.length === 0 ? NONE_RELATED : best < 0 ? relatedWordsOf(words, NO_COUNTERPART) : relatedWordsOf(words, cellOf(words[best], sentence), sentence.wordTerms[words[best].at]);
}

// An article names its subject once and then says "its northern neighbour": a name the evidence
// does not carry is still its subject when the source keeps naming it.
const TOPIC_MENTIONS = 3;

/**
 * Which of the statement's names the evidence carries: in its sentences or their neighbours, in
 * what they refer back to ("the researcher", "he", a quote's speaker), in another form of the
 * word ("French" for "Frenchman"), or as a name the source keeps using (never a speaker's: who
 * said something is part of the claim).
 */
function namesPresent(analysis: StatementAnalysis, chosen: readonly ReadSentence[], context: CheckContext): boolean[] {
  if (analysis.names.length === 0) return [];
  const docId = chosen[0].passage.docId;
  const doc = context.documents.get(docId);
  const sentenceTerms = new Set(chosen.flatMap((s) => [...s.terms, ...referredTerms(s.passage, context)]));
  const contextTerms = new Set(doc ? chosen.flatMap((s) => contentTerms(doc.text.slice(s.passage.contextStart, s.passage.contextEnd), true)) : []);
  const documentCount = (term: string): number => context.termCountIn(docId, term);
  // Who said something belongs to the words said: the speaker must be the one of the sentence that
  // says most of it (named there, referred to, or its quote's speaker), not of a sentence beside it.
  const primaryTerms = new Set([...chosen[0].terms, ...referredTerms(chosen[0].passage, context)]);
  const present = (g: EntityGroup): boolean => {
    if (g.speaker) return entityPresent(g, { sentenceTerms: primaryTerms, contextTerms: new Set(), documentCount });
    if (entityPresent(g, { sentenceTerms, contextTerms, documentCount })) return true;
    // "the Frenchman", "Scottish", "Man Utd": a one-word name the evidence gives as its country, people or full form.
    if (g.terms.length === 1 && namedByMeaning(analysis, g, chosen)) return true;
    // A name the source keeps using is what it is about, also where a sentence says "he" or "the club".
    return !g.speaker && g.terms.every((t) => documentCount(t) >= TOPIC_MENTIONS);
  };
  // (Filled by push: see evidenceIn.)
  const answers: boolean[] = [];
  for (const g of analysis.names) answers.push(present(g));
  return answers;
}

const NAME_RELATIONS = new Set(['same', 'inflection', 'derived', 'pertainym', 'abbreviation', 'synonym']);

/** Whether the words of a source, or of some of its sentences, give the one-word name as its country, people or full form. */
function namedByMeaning(analysis: StatementAnalysis, group: EntityGroup, readings: ReadonlyArray<ReadDocument | ReadSentence>): boolean {
  const word = analysis.words.find((w) => w.term === group.terms[0]);
  if (!word) return false;
  return readings.some((reading) => namesByMeaning(word.norm, reading));
}

// A draft's statements keep naming the same people and places: each source (and sentence) remembers its answer per name.
const namedMemo = new WeakMap<ReadDocument | ReadSentence, Map<string, boolean>>();

function namesByMeaning(norm: string, reading: ReadDocument | ReadSentence): boolean {
  let byName = namedMemo.get(reading);
  if (!byName) {
    byName = new Map();
    namedMemo.set(reading, byName);
  }
  let named = byName.get(norm);
  if (named === undefined) {
    named = reading.words.some((candidate) => NAME_RELATIONS.has(wordRelation(norm, candidate) ?? ''));
    byName.set(norm, named);
  }
  return named;
}

function substituted(analysis: StatementAnalysis, chosen: readonly ReadSentence[], present: readonly boolean[], context: CheckContext): EntityGroup[] {
  // Only a name the evidence carries can have been substituted.
  if (!analysis.names.some((_, i) => present[i])) return [];
  const statementTerms = new Set(analysis.words.map((w) => w.term));
  const primary = chosen[0].passage;
  if (!chosen[0].nameGroups.some((g) => !g.terms.some((t) => statementTerms.has(t)))) return [];
  const literal = new Set(chosen.flatMap((s) => [...s.terms]));
  const documentCount = (term: string): number => context.termCountIn(primary.docId, term);
  return analysis.names.filter((g, i) => present[i] && !g.modifier && !entityPresent(g, { sentenceTerms: literal, contextTerms: new Set(), documentCount }));
}
