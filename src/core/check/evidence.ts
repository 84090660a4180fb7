import type { Passage } from '../types';
import type { ScoredPassage } from '../search/passageIndex';
import type { CheckContext } from './context';
import type { StatementAnalysis, StatementWord } from './analysis';
import { entityPresent, type EntityGroup } from './entities';
import { tokenTerm, wordTokens, type WordToken } from '../search/tokenize';
import { isBaseVerb, isPassiveAt } from '../lexicon/voice';
import { readDocument, type ReadDocument, type ReadSentence } from './documentReading';
import type { MatchKind, MeaningCutoffs } from './meaning';
import { THRESHOLDS } from './thresholds';
import { sentencesToRead } from './sentencesToRead';
import { SentenceChoice, type QuotedHere, type WordsToFind } from './sentenceChoice';
import { namedByMeaning, namesPresent, substituted } from './namesInEvidence';

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
  let best: Evidence | undefined;
  const wanted = wordsToFind(analysis);
  for (const docId of docIds.slice(0, CANDIDATE_DOCUMENTS)) {
    const evidence = evidenceIn(docId, analysis, wanted, candidates, context, cutoffs);
    // The source that names everyone the statement names, then the one that says most of it, its figures included.
    if (evidence && (!best || evidence.missingNames.length < best.missingNames.length || (evidence.missingNames.length === best.missingNames.length && evidence.said > best.said + 1e-9))) best = evidence;
  }
  return best;
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
  const choice = new SentenceChoice(considered, sentences, wanted, giving, quoted, context, cutoffs);
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

