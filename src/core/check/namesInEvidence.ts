// Whether the evidence carries the statement's names, and whether its main sentence names someone else.
import type { CheckContext } from './context';
import type { StatementAnalysis } from './analysis';
import type { ReadDocument, ReadSentence } from './documentReading';
import { entityPresent, type EntityGroup } from './entities';
import { referredTerms } from './references';
import { contentTerms } from '../search/tokenize';
import { wordRelation } from './meaning';

// An article names its subject once and then says "its northern neighbour": a name the evidence
// does not carry is still its subject when the source keeps naming it.
const TOPIC_MENTIONS = 3;

/**
 * Which of the statement's names the evidence carries: in its sentences or their neighbours, in
 * what they refer back to ("the researcher", "he", a quote's speaker), in another form of the
 * word ("French" for "Frenchman"), or as a name the source keeps using (never a speaker's: who
 * said something is part of the claim).
 */
export function namesPresent(analysis: StatementAnalysis, chosen: readonly ReadSentence[], context: CheckContext): boolean[] {
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
  // (Filled by push: see SentenceChoice.)
  const answers: boolean[] = [];
  for (const g of analysis.names) answers.push(present(g));
  return answers;
}

/** Whether the source names the statement's name at all: in the evidence (`present`), anywhere in it, or (a one-word name) by meaning. */
export function nameInDocument(analysis: StatementAnalysis, group: EntityGroup, present: boolean, doc: ReadDocument, context: CheckContext): boolean {
  if (present) return true;
  const documentCount = (term: string): number => context.termCountIn(doc.docId, term);
  return entityPresent(group, { sentenceTerms: doc.terms, contextTerms: new Set(), documentCount }) || (group.terms.length === 1 && namedByMeaning(analysis, group, [doc]));
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

export function substituted(analysis: StatementAnalysis, chosen: readonly ReadSentence[], present: readonly boolean[], context: CheckContext): EntityGroup[] {
  // Only a name the evidence carries can have been substituted.
  if (!present.some(Boolean)) return [];
  const statementTerms = new Set(analysis.words.map((w) => w.term));
  const primary = chosen[0].passage;
  if (!chosen[0].nameGroups.some((g) => !g.terms.some((t) => statementTerms.has(t)))) return [];
  const literal = new Set(chosen.flatMap((s) => [...s.terms]));
  const documentCount = (term: string): number => context.termCountIn(primary.docId, term);
  return analysis.names.filter((g, i) => present[i] && !g.modifier && !entityPresent(g, { sentenceTerms: literal, contextTerms: new Set(), documentCount }));
}
