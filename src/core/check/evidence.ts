import type { Passage } from '../types';
import type { ScoredPassage } from '../search/passageIndex';
import type { CheckContext } from './context';
import type { StatementAnalysis, StatementWord } from './analysis';
import type { EntityGroup } from './entities';
import { tokenTerm, wordTokens, type WordToken } from '../search/tokenize';
import { isBaseVerb, isPassiveAt } from '../lexicon/voice';
import { readDocument, type ReadDocument, type ReadSentence } from './documentReading';
import type { MatchKind, MeaningCutoffs } from './meaning';
import { THRESHOLDS } from './thresholds';
import { sentencesToRead } from './sentencesToRead';
import { SentenceChoice, type QuotedHere, type WordsToFind } from './sentenceChoice';
import { nameInDocument, namesPresent, substituted } from './namesInEvidence';

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

// Each source read costs most of a check; beyond the two best-ranked ones the dev sets gain nothing.
const CANDIDATE_DOCUMENTS = 2;
// A counterpart this close in meaning is the word itself, said another way (the arbiter calls weaker ones weak).
const STRONG_MATCH = 0.75;

/** Every match has the same fields, unset ones undefined: the rules read thousands of them, and one shape keeps those reads fast. */
function wordMatch(word: StatementWord, strength: number, kind?: MatchKind, counterpart?: string, passage?: Passage): WordMatch {
  return { word, strength, kind, counterpart, passage };
}

/** The best evidence for a statement among the sources of its candidate passages (and of its quotes). */
export function assembleEvidence(analysis: StatementAnalysis, candidates: readonly ScoredPassage[], context: CheckContext, cutoffs: MeaningCutoffs = THRESHOLDS.meaning): Evidence | undefined {
  const docIds: string[] = [];
  for (const q of analysis.quotes) if (q.passage && !docIds.includes(q.passage.docId)) docIds.push(q.passage.docId);
  for (const c of candidates) if (!docIds.includes(c.passage.docId)) docIds.push(c.passage.docId);
  let best: SourceReading | undefined;
  const wanted = wordsToFind(analysis);
  const verb = verbOf(analysis, wanted.aligned);
  for (let d = 0; d < Math.min(docIds.length, CANDIDATE_DOCUMENTS); d++) {
    const reading = readingOf(docIds[d], analysis, wanted, verb, candidates, context, cutoffs, choices[d]);
    // The source that names everyone the statement names, then the one that says most of it, its figures included.
    if (reading && (!best || reading.missingNames.length < best.missingNames.length || (reading.missingNames.length === best.missingNames.length && reading.said > best.said + 1e-9))) best = reading;
  }
  return best && evidenceOf(best, analysis, wanted.aligned, verb, context);
}

// One choice of sentences per source read for a statement: the best source's is still there when
// its evidence is made, after the others are read. (Their work arrays are reused statement after statement.)
const choices: SentenceChoice[] = [];
for (let d = 0; d < CANDIDATE_DOCUMENTS; d++) choices.push(new SentenceChoice());

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

/** The statement's verb said of a named subject, as the sources are searched for it (the same for each source). */
interface Verb {
  /** Its index among the aligned words, or -1 (no verb with a named subject). */
  at: number;
  subject: EntityGroup | undefined;
  /** The aligned words after it in its clause that may be its object (at most three). */
  objects: number[];
  passive: boolean;
}

const NO_VERB: Verb = { at: -1, subject: undefined, objects: [], passive: false };

function verbOf(analysis: StatementAnalysis, aligned: readonly StatementWord[]): Verb {
  const subject = analysis.names.find((g) => g.predicateStart !== undefined);
  const at = subject ? aligned.findIndex((w) => w.start === subject.predicateStart) : -1;
  if (at < 0) return NO_VERB;
  // Its object is in its own clause: an infinitive after it ("visited Kyiv to meet Zelensky") starts another.
  const clauseEnd = infinitiveAfter(analysis.tokens, aligned[at].end);
  const objects: number[] = [];
  for (let k = at + 1; k < aligned.length && objects.length < 3; k++) if (aligned[k].start < clauseEnd) objects.push(k);
  const passive = isPassiveAt(analysis.tokens, analysis.tokens.findIndex((t) => t.start === aligned[at].start));
  return { at, subject, objects, passive };
}

/** A verb is said of its subject or object: its counterpart counts only in a sentence (row r) that gives one of them. */
function carriesArgument(verb: Verb, choice: SentenceChoice, sentences: readonly ReadSentence[], r: number): boolean {
  if (subjectBefore(verb, choice, sentences, r)) return true;
  for (const k of verb.objects) if (choice.cell(r, k).strength >= STRONG_MATCH) return true;
  return false;
}

// In the active voice the subject comes before its verb: a name after the counterpart ("His comments came a day
// after Orban said") is not its subject. A passive on either side ("Spahic has been released" against
// "Leverkusen has released Spahic") puts it after, so there any mention counts.
function subjectBefore(verb: Verb, choice: SentenceChoice, sentences: readonly ReadSentence[], r: number): boolean {
  const counterpart = choice.cell(r, verb.at).counterpart?.toLowerCase();
  const tokens = wordTokens(sentences[choice.rows[r]].passage.text);
  const verbAt = counterpart === undefined ? -1 : tokens.findIndex((t) => t.norm === counterpart || t.raw.toLowerCase() === counterpart);
  const upTo = verbAt < 0 || verb.passive || isPassiveAt(tokens, verbAt) ? tokens.length : verbAt;
  return tokens.slice(0, upTo).some((t) => verb.subject!.terms.includes(tokenTerm(t) ?? ''));
}

/**
 * What one source gives of a statement, before evidence is made of it (only the best source's is):
 * the sentences chosen, the names they carry, and the shares of the statement they give (see Evidence).
 */
interface SourceReading {
  docId: string;
  doc: ReadDocument;
  choice: SentenceChoice;
  sentences: ReadSentence[];
  present: boolean[];
  missingNames: EntityGroup[];
  detachedNames: EntityGroup[];
  /** Bit c is set when the c-th sentence chosen gives the verb's subject or object (0 without such a verb). */
  argumentRows: number;
  coverage: number;
  primaryCoverage: number;
  said: number;
}

function readingOf(docId: string, analysis: StatementAnalysis, wanted: WordsToFind, verb: Verb, candidates: readonly ScoredPassage[], context: CheckContext, cutoffs: MeaningCutoffs, choice: SentenceChoice): SourceReading | undefined {
  const passages = context.passagesOf(docId);
  if (passages.length === 0) return undefined;
  const doc = readDocument(docId, passages, context.index);
  const sentences = doc.sentences;
  const { read: considered, giving } = sentencesToRead(analysis, doc, candidates, context.index);
  // Only the sentences considered can join the evidence: what each gives is worked out for those alone.
  choice.reset(considered, sentences, wanted, giving, quotedIn(docId, analysis), cutoffs);
  choice.choose(context);
  if (choice.chosenCount === 0) return undefined;

  const chosen: ReadSentence[] = [];
  for (let c = 0; c < choice.chosenCount; c++) chosen.push(sentences[choice.rows[choice.chosen[c]]]);
  const present = namesPresent(analysis, chosen, context);
  const missingNames: EntityGroup[] = [];
  const detachedNames: EntityGroup[] = [];
  for (let i = 0; i < analysis.names.length; i++) {
    const g = analysis.names[i];
    if (!nameInDocument(analysis, g, present[i], doc, context)) missingNames.push(g);
    else if (!present[i]) detachedNames.push(g);
  }
  const argumentRows = verb.at < 0 ? 0 : rowsWithArgument(verb, choice, sentences);
  // The weight of the statement's words, and what the evidence gives of it, and its main sentence alone.
  let total = 0;
  let covered = 0;
  let primaryCovered = 0;
  let k = 0;
  for (const word of analysis.words) {
    const isAligned = word.name === undefined && word.quote === undefined;
    const strength = isAligned ? alignedStrength(k, verb, argumentRows, choice) : word.name !== undefined ? (present[word.name] ? 1 : 0) : quoteGiven(word, docId, analysis, chosen) ? 1 : 0;
    total += word.weight;
    covered += word.weight * strength;
    primaryCovered += word.weight * (isAligned ? choice.cell(choice.chosen[0], k).strength : strength);
    if (isAligned) k++;
  }
  let figuresFound = 0;
  for (let f = 0; f < giving.length; f++) figuresFound += choice.figureFound[f];
  const figuresWeight = wanted.figureWeight * giving.length;
  return {
    docId,
    doc,
    choice,
    sentences: chosen,
    present,
    missingNames,
    detachedNames,
    argumentRows,
    coverage: total > 0 ? covered / total : 0,
    primaryCoverage: total > 0 ? primaryCovered / total : 0,
    said: total + figuresWeight > 0 ? (covered + wanted.figureWeight * figuresFound) / (total + figuresWeight) : 0,
  };
}

/** The evidence a source gives, from its reading (its choice of sentences still as made). */
function evidenceOf(reading: SourceReading, analysis: StatementAnalysis, aligned: readonly StatementWord[], verb: Verb, context: CheckContext): Evidence {
  const { docId, doc, choice, sentences: chosen, present } = reading;
  const sentences = doc.sentences;
  const matches: WordMatch[] = [];
  let k = 0;
  for (const word of analysis.words) {
    const isAligned = word.name === undefined && word.quote === undefined;
    matches.push(isAligned ? alignedMatch(word, k, verb, reading.argumentRows, choice, sentences) : word.name !== undefined ? nameMatch(word, present) : quoteMatch(word, docId, analysis, chosen));
    if (isAligned) k++;
  }
  const passages: Passage[] = [];
  for (const s of chosen) passages.push(s.passage);
  return {
    docId,
    passages,
    matches,
    coverage: reading.coverage,
    said: reading.said,
    missingNames: reading.missingNames,
    detachedNames: reading.detachedNames,
    primaryCoverage: reading.primaryCoverage,
    substitutedNames: substituted(analysis, chosen, present, context),
    opposites: oppositesIn(aligned, choice, sentences),
    document: doc,
    sentences: chosen,
  };
}

// (Shared by the statements without a quotation; never filled.)
const NO_QUOTES: QuotedHere[] = [];

/** The statement's quotations that the source gives, with their words. */
function quotedIn(docId: string, analysis: StatementAnalysis): QuotedHere[] {
  if (analysis.quotes.length === 0) return NO_QUOTES;
  // A quotation chooses the sentence that carries its words, like any other words of the statement
  // (the quote may also be found where its speaker said it, away from what the statement tells).
  const quoted: QuotedHere[] = [];
  for (let i = 0; i < analysis.quotes.length; i++) {
    if (analysis.quotes[i].passage?.docId !== docId) continue;
    const words = analysis.words.filter((w) => w.quote === i);
    if (words.length > 0) quoted.push({ words, weight: words.reduce((sum, w) => sum + w.weight, 0) });
  }
  return quoted;
}

function nameMatch(word: StatementWord, present: readonly boolean[]): WordMatch {
  return present[word.name!] ? wordMatch(word, 1, 'name') : wordMatch(word, 0);
}

/** Whether the source gives a quoted word: the quotation is found in it, or a sentence chosen uses the word (see quoteMatch). */
function quoteGiven(word: StatementWord, docId: string, analysis: StatementAnalysis, chosen: readonly ReadSentence[]): boolean {
  if (analysis.quotes[word.quote!].passage?.docId === docId) return true;
  for (const s of chosen) if (s.terms.has(word.term)) return true;
  return false;
}

function quoteMatch(word: StatementWord, docId: string, analysis: StatementAnalysis, chosen: readonly ReadSentence[]): WordMatch {
  const q = analysis.quotes[word.quote!];
  if (q.passage?.docId === docId) return wordMatch(word, 1, 'quote', undefined, q.passage);
  // A short quotation ("clearly") found first in another source may stand word for word here too.
  for (const s of chosen) if (s.terms.has(word.term)) return wordMatch(word, 1, 'same', s.spelling.get(word.term), s.passage);
  return wordMatch(word, 0);
}

/** Which of the sentences chosen give the verb's subject or object, as bits (see SourceReading.argumentRows). */
function rowsWithArgument(verb: Verb, choice: SentenceChoice, sentences: readonly ReadSentence[]): number {
  let rows = 0;
  for (let c = 0; c < choice.chosenCount; c++) if (carriesArgument(verb, choice, sentences, choice.chosen[c])) rows |= 1 << c;
  return rows;
}

/** The row giving aligned word k's strongest counterpart among the sentences chosen, or -1 (the verb's only from one that gives its subject or object). */
function bestRowFor(k: number, verb: Verb, argumentRows: number, choice: SentenceChoice): number {
  let bestAt = -1;
  for (let c = 0; c < choice.chosenCount; c++) {
    const r = choice.chosen[c];
    if ((k !== verb.at || (argumentRows & (1 << c)) !== 0) && (bestAt < 0 || choice.cell(r, k).strength > choice.cell(bestAt, k).strength)) bestAt = r;
  }
  return bestAt;
}

/** How fully the sentences chosen give aligned word k (the strength of alignedMatch). */
function alignedStrength(k: number, verb: Verb, argumentRows: number, choice: SentenceChoice): number {
  const bestAt = bestRowFor(k, verb, argumentRows, choice);
  if (bestAt < 0) return 0;
  // (As alignedMatch: a cell of no strength is no match.)
  const cell = choice.cell(bestAt, k);
  if (!(cell.strength > 0)) return 0;
  return cell.strength;
}

/** Aligned word k's strongest counterpart among the sentences chosen. */
function alignedMatch(word: StatementWord, k: number, verb: Verb, argumentRows: number, choice: SentenceChoice, sentences: readonly ReadSentence[]): WordMatch {
  const bestAt = bestRowFor(k, verb, argumentRows, choice);
  if (bestAt < 0) return wordMatch(word, 0);
  const cell = choice.cell(bestAt, k);
  return cell.strength > 0 ? wordMatch(word, cell.strength, cell.kind, cell.counterpart, sentences[choice.rows[bestAt]].passage) : wordMatch(word, 0);
}

/** Statement words no sentence chosen gives, whose opposite one says. */
function oppositesIn(aligned: readonly StatementWord[], choice: SentenceChoice, sentences: readonly ReadSentence[]): WordMatch[] {
  const opposites: WordMatch[] = [];
  for (let k = 0; k < aligned.length; k++) {
    if (choice.current[k] > 0) continue;
    for (let c = 0; c < choice.chosenCount; c++) {
      const cell = choice.cell(choice.chosen[c], k);
      if (cell.kind === 'antonym') opposites.push(wordMatch(aligned[k], 0, 'antonym', cell.counterpart, sentences[choice.rows[choice.chosen[c]]].passage));
    }
  }
  return opposites;
}
