import type { DraftStatement, MeaningPair, Passage, PassageHit, StatementResult, WordInDraft } from '../types';
import type { ScoredPassage } from '../search/passageIndex';
import type { CheckContext } from './context';
import type { StatementAnalysis } from './analysis';
import type { Evidence, WordMatch } from './evidence';
import type { EntityGroup } from './entities';
import type { QuoteProblem } from './rules/quotes';
import { replacementName } from './rules/quotes';
import type { FigureFinding } from './rules/figures';
import type { PolarityFinding } from './rules/polarity';
import type { SupportFinding } from './rules/support';
import { clip, draftFix, draftRange, result } from './results';
import { sourceTitle } from '../text/documentTitle';

/** Everything the rules found about one statement. */
export interface RuleFindings {
  analysis: StatementAnalysis;
  candidates: readonly ScoredPassage[];
  evidence?: Evidence;
  quote?: QuoteProblem;
  figures?: FigureFinding;
  polarity?: PolarityFinding;
  support?: SupportFinding;
}

const MAX_SOURCES = 3;
const ADD_SOURCE = 'add a source or mark it as checked';

/**
 * The one place a verdict is decided: quote problems first (they are certain), then whether one
 * source says the statement (its names, its direction, enough of its words), then its figures.
 */
export function arbitrate(statement: DraftStatement, findings: RuleFindings, context: CheckContext): StatementResult {
  const { evidence, support } = findings;
  // The source as a reader knows it: its title or opening words, not its file.
  const title = (docId: string): string => {
    const doc = context.documents.get(docId);
    return (doc && sourceTitle(doc)) ?? docId;
  };
  const sources = evidenceHits(findings);
  const explained = (r: StatementResult): StatementResult => withExplanation(r, statement, evidence);

  if (statement.checked) return explained(result(statement, 'supported', 'Marked as checked by the writer.', sources, 1));
  const quote = findings.quote;
  if (quote) return quoteVerdict(statement, quote, sources);

  if (!evidence || !support) {
    return result(statement, 'unsupported-claim', `Unsupported claim: no source says this; ${ADD_SOURCE}.`, sources, 1);
  }
  const closest = title(evidence.docId);
  if (evidence.missingNames.length > 0) {
    const names = namesAsWritten(findings.analysis, evidence.missingNames);
    return explained(result(statement, 'unsupported-claim', `Unsupported claim: the closest source, ${closest}, never mentions ${names}; ${ADD_SOURCE}.`, sources, 0.9));
  }
  const polarity = findings.polarity;
  if (polarity) {
    const why = polarityReason(polarity);
    return explained(result(statement, 'unsupported-claim', `Unsupported claim: the closest source, ${closest}, ${why}; ${ADD_SOURCE}.`, sources, 0.8));
  }
  const figures = findings.figures;
  if (!support.supported) {
    const confidence = round(support.confidence);
    const figure = figures?.unmatched[0];
    if (support.failed === 'figures' && figure) {
      return explained(result(statement, 'unsupported-claim', `Unsupported claim: no source gives the figure "${figure.raw}" (closest: ${closest}); ${ADD_SOURCE}.`, sources, confidence, draftRange(statement, figure.start, figure.end)));
    }
    if (support.failed === 'substitutedNames') {
      const names = namesAsWritten(findings.analysis, evidence.substitutedNames);
      return explained(result(statement, 'unsupported-claim', `Unsupported claim: where ${closest} says this, it names someone else, not ${names}; ${ADD_SOURCE}.`, sources, confidence));
    }
    if (support.failed === 'names') {
      const names = namesAsWritten(findings.analysis, evidence.detachedNames);
      return explained(result(statement, 'unsupported-claim', `Unsupported claim: ${closest} mentions ${names}, but not where it says the rest; ${ADD_SOURCE}.`, sources, confidence));
    }
    const weak = evidence.matches.filter((m) => m.word.name === undefined && m.strength < 0.75);
    const missing = missingPhrases(findings.analysis, support.unmatched.length > 0 ? support.unmatched : weak);
    const what = missing ? `no source says ${missing} (closest: ${closest})` : `no source says this (closest: ${closest})`;
    return explained(result(statement, 'unsupported-claim', `Unsupported claim: ${what}; ${ADD_SOURCE}.`, sources, confidence));
  }
  if (figures && figures.conflicts.length > 0) {
    const { statement: ours, source } = figures.conflicts[0];
    return explained(
      result(
        statement,
        'number-mismatch',
        `Number mismatch: the source says "${source.raw}", not "${ours.raw}".`,
        sources,
        0.9,
        draftRange(statement, ours.start, ours.end),
        draftFix(statement, `Use the source's figure "${source.raw}"`, ours.start, ours.end, source.raw),
      ),
    );
  }
  const sentences = evidence.passages.length + (figures?.added.length ?? 0);
  const message = sentences > 1 ? `Supported by ${closest} (${sentences} sentences).` : endSentence(`Supported by ${closest}`);
  return explained(result(statement, 'supported', message, sources, round(support.confidence)));
}

/** Why the closest source does not say the statement, in the words of its polarity finding. */
function polarityReason(polarity: PolarityFinding): string {
  switch (polarity.kind) {
    case 'modality':
      return `gives "${polarity.word}" only as expected or possible ("${polarity.counterpart}"), not as done`;
    case 'voice':
      return `says "${polarity.counterpart}": the other way round from "${polarity.word}"`;
    case 'place':
      return `gives "${polarity.counterpart}" as the place, not "${polarity.word}"`;
    case 'doer':
      return `says "${polarity.counterpart}", not "${polarity.word}"`;
    case 'negation':
      return `says it the other way round (negation: "${polarity.word}")`;
    case 'opposite':
      return polarity.counterpart ? `says "${polarity.counterpart}", not "${polarity.word}"` : `says the opposite of "${polarity.word}"`;
    case 'stance':
      return `does not say "${polarity.word}" or anything like it`;
  }
}

function quoteVerdict(statement: DraftStatement, problem: QuoteProblem, sources: PassageHit[]): StatementResult {
  const f = problem.finding;
  const withQuote = f.passage ? [{ passage: f.passage, score: round(f.score), matchedTerms: [] }, ...sources.filter((s) => s.passage.id !== f.passage!.id)].slice(0, MAX_SOURCES) : [];
  if (problem.kind === 'misquote') {
    const words = clip(f.sourceText ?? '', 400);
    return result(statement, 'misquote', `Misquote: the source says "${clip(words)}".`, withQuote, round(f.score), draftRange(statement, f.span.start, f.span.end), draftFix(statement, 'Replace with the source wording', f.wordsStart, f.wordsEnd, words));
  }
  if (problem.kind === 'misattribution') {
    const { ours, theirs } = problem;
    const replacement = replacementName(ours, theirs);
    return result(statement, 'misattribution', `Misattribution: the source attributes these words to ${theirs.text}, not ${ours.text}.`, withQuote, 0.9, draftRange(statement, ours.start, ours.end), draftFix(statement, `Attribute to ${replacement}`, ours.start, ours.end, replacement));
  }
  return result(statement, 'unverified-quote', 'Unverified quote: no source contains these words, even approximately; check the quote or its source.', [], 0.9, draftRange(statement, f.span.start, f.span.end));
}

/** Every sentence the evidence uses, the main one first, then other candidates up to three in all. */
function evidenceHits(findings: RuleFindings): PassageHit[] {
  const { evidence, candidates } = findings;
  const hits: PassageHit[] = [];
  if (evidence) {
    for (const passage of evidence.passages) hits.push({ passage, score: round(evidence.coverage), matchedTerms: counterpartsIn(passage, evidence) });
    for (const passage of findings.figures?.added ?? []) hits.push({ passage, score: round(evidence.coverage), matchedTerms: counterpartsIn(passage, evidence) });
  }
  for (const c of candidates) {
    if (hits.length >= MAX_SOURCES) break;
    if (!hits.some((h) => h.passage.id === c.passage.id)) hits.push({ passage: c.passage, score: round(c.score), matchedTerms: c.matchedTerms });
  }
  return hits;
}

/** Adds the words with no counterpart and the pairs matched by meaning, for the hover card and JSON. */
function withExplanation(r: StatementResult, statement: DraftStatement, evidence: Evidence | undefined): StatementResult {
  if (!evidence) return r;
  const unmatched: WordInDraft[] = [];
  const meaningPairs: MeaningPair[] = [];
  for (const m of evidence.matches) {
    if (m.strength === 0) {
      const range = draftRange(statement, m.word.start, m.word.end);
      unmatched.push({ word: m.word.raw, start: range.start, end: range.end });
    }
    if (!m.counterpart || !m.kind || m.kind === 'same' || m.kind === 'inflection' || m.kind === 'name' || m.kind === 'quote') continue;
    if (!meaningPairs.some((p) => p.word === m.word.raw)) meaningPairs.push({ word: m.word.raw, counterpart: m.counterpart, relation: m.kind });
  }
  // r is the arbiter's own new result, with every field already there: set in place, not copied.
  r.unmatched = unmatched;
  r.meaningPairs = meaningPairs;
  return r;
}

/** The source's words the evidence matched in one of its sentences, each once. */
function counterpartsIn(passage: Passage, evidence: Evidence): string[] {
  const words: string[] = [];
  for (const m of evidence.matches) if (m.counterpart && m.passage?.id === passage.id && !words.includes(m.counterpart)) words.push(m.counterpart);
  return words;
}

/** The statement's missing names as it writes them: "Olga Petrova" or "Khabarovsk". */
function namesAsWritten(analysis: StatementAnalysis, groups: readonly EntityGroup[]): string {
  const names = groups.map((group) => {
    const index = analysis.names.indexOf(group);
    const words = analysis.words.filter((w) => w.name === index);
    return words.length > 0 ? analysis.text.slice(words[0].start, words[words.length - 1].end).replace(/['’]s$/u, '') : group.terms.join(' ');
  });
  return orList([...new Set(names)]);
}

// Runs of unmatched words separated by at most this many characters of other words read as one phrase.
const PHRASE_GAP = /^[\s\p{P}]*(?:\p{L}{1,4}[\s\p{P}]+){0,2}$/u;
const MAX_PHRASES = 2;

/** The weightiest stretches of the statement with no counterpart: "power grid" or "hit". */
function missingPhrases(analysis: StatementAnalysis, unmatched: readonly WordMatch[]): string | undefined {
  const runs: Array<{ start: number; end: number; weight: number }> = [];
  for (const m of unmatched) {
    const last = runs[runs.length - 1];
    if (last && PHRASE_GAP.test(analysis.text.slice(last.end, m.word.start))) {
      last.end = m.word.end;
      last.weight += m.word.weight;
    } else runs.push({ start: m.word.start, end: m.word.end, weight: m.word.weight });
  }
  if (runs.length === 0) return undefined;
  const heaviest = [...runs].sort((a, b) => b.weight - a.weight).slice(0, MAX_PHRASES).sort((a, b) => a.start - b.start);
  return orList(heaviest.map((r) => analysis.text.slice(r.start, r.end)));
}

function orList(items: readonly string[]): string {
  const quoted = items.map((item) => `"${clip(item, 60)}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

/** A full stop, unless a title already ends the sentence ("...table?", "...a…"). */
function endSentence(text: string): string {
  return /[.?!…]$/.test(text) ? text : `${text}.`;
}
