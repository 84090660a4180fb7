import { startsWithCapital, tokenTerm, wordTokens, type WordToken } from '../../search/tokenize';
import type { StatementAnalysis } from '../analysis';
import type { Evidence, WordMatch } from '../evidence';
import { entityPresent } from '../entities';
import { STOP_WORDS } from '../../search/stopWords';
import { DETERMINERS, PASSIVE_AUXILIARIES, isBaseVerb, isInflectedVerb, isPassiveAt, isPresentTenseOnly } from '../../lexicon/voice';
import { MODALS } from '../../lexicon/modality';

/** A named subject the statement gives a role the source does not give it: done to instead of doing, or the doing given to another name. */
export interface VoiceFinding {
  /** The statement's words, as written ("Charlotte Briggs refused"). */
  word: string;
  /** The source's words, as written ("Charlotte Briggs was refused"). */
  counterpart: string;
}

const SAME_WORD = new Set(['same', 'inflection']);

/**
 * "Briggs refused a place" against "Briggs was refused a place": the same name right before the
 * same verb, active in one and passive in the other, swaps who did it and to whom.
 */
export function voiceMismatch(analysis: StatementAnalysis, evidence: Evidence): VoiceFinding | undefined {
  for (const { verb, doer, match } of namedDoers(analysis, evidence)) {
    const clause = clausesWith(match.passage!.text, match.word.term, new Set([doer.name])).find((c) => c.passive !== doer.passive);
    if (clause) return { word: statementClause(analysis, doer.from, verb), counterpart: clause.text };
  }
  return undefined;
}

/**
 * "Orban travelled to Beijing" against "Lukashenko travelled to Beijing": the sentence that gives
 * the statement's verb gives it, in the same voice, to a name the statement does not mention, and never
 * names the statement's.
 */
export function doerMismatch(analysis: StatementAnalysis, evidence: Evidence): VoiceFinding | undefined {
  // A name the statement mentions too may be its subject after all ("Nellist, 38, of Keswick was foiled").
  let statementNames: ReadonlySet<string> | undefined;
  for (const { verb, doer, match } of namedDoers(analysis, evidence)) {
    const group = analysis.names.find((g) => g.terms.includes(doer.name));
    const sentence = evidence.sentences.find((s) => s.passage.id === match.passage!.id);
    if (!group || !sentence) continue;
    if (entityPresent(group, { sentenceTerms: sentence.terms, contextTerms: new Set(), documentCount: (t) => (evidence.document.terms.has(t) ? 1 : 0) })) continue;
    statementNames ??= new Set(analysis.names.flatMap((g) => g.terms));
    const named = statementNames;
    const otherNames = new Set(sentence.nameGroups.flatMap((g) => g.terms).filter((t) => !named.has(t)));
    const clause = clausesWith(sentence.passage.text, match.word.term, otherNames).find((c) => c.passive === doer.passive);
    if (clause) return { word: statementClause(analysis, doer.from, verb), counterpart: clause.text };
  }
  return undefined;
}

/** Each verb of the statement the evidence gives as written, with the name right before it that does it (or has it done). */
function* namedDoers(analysis: StatementAnalysis, evidence: Evidence): Generator<{ verb: number; doer: { name: string; passive: boolean; from: number }; match: WordMatch }> {
  if (!analysis.words.some((w) => w.name !== undefined)) return;
  const nameTerms = new Set(analysis.words.filter((w) => w.name !== undefined).map((w) => w.term));
  for (const match of evidence.matches) {
    if (match.strength < 1 || !match.passage || !match.kind || !SAME_WORD.has(match.kind)) continue;
    const verb = analysis.tokens.findIndex((t) => t.start === match.word.start);
    const doer = voiceAfterName(analysis.tokens, verb, nameTerms);
    if (doer) yield { verb, doer, match };
  }
}

/** The statement's words from the name (all of it: "United States") to the verb, as written. */
function statementClause(analysis: StatementAnalysis, from: number, verb: number): string {
  const inName = (k: number): boolean => analysis.words.some((w) => w.name !== undefined && w.start === analysis.tokens[k].start);
  let start = from;
  while (start > 0 && inName(start - 1)) start--;
  return analysis.text.slice(analysis.tokens[start].start, analysis.tokens[verb].end);
}

/** Where a source text says the verb (by its index term) right after one of the names, with the voice it says it in. */
function clausesWith(text: string, verbTerm: string, names: ReadonlySet<string>): Array<{ passive: boolean; text: string }> {
  const tokens = wordTokens(text);
  const clauses: Array<{ passive: boolean; text: string }> = [];
  for (const [k, token] of tokens.entries()) {
    if (tokenTerm(token) !== verbTerm) continue;
    const voice = voiceAfterName(tokens, k, names);
    if (voice) clauses.push({ passive: voice.passive, text: text.slice(tokens[voice.from].start, token.end) });
  }
  return clauses;
}

/**
 * Whether the verb at `i` follows one of the names after an auxiliary ("Briggs was refused", "is refusing"),
 * or directly with an object after it ("Briggs refused a place"); any other order leaves the voice open.
 */
function voiceAfterName(tokens: readonly WordToken[], i: number, names: ReadonlySet<string>): { name: string; passive: boolean; from: number } | undefined {
  if (i < 1) return undefined;
  // A modal and a base verb make a finite verb phrase ("would accept"), active.
  const modal = MODALS.has(tokens[i - 1].norm) && isBaseVerb(tokens[i].norm);
  // Only a verb's inflected form tells a clause from a noun phrase ("Estonia last year" is none); base-form pasts ("beat") go with it.
  if (!modal && !isInflectedVerb(tokens[i].norm)) return undefined;
  const auxiliary = !modal && PASSIVE_AUXILIARIES.has(tokens[i - 1].norm);
  // "is refusing" is the progressive: active.
  const passive = auxiliary && isPassiveAt(tokens, i);
  if (!auxiliary && !modal && !objectFollows(tokens, i) && !isPresentTenseOnly(tokens[i].norm)) return undefined;
  const at = auxiliary || modal ? i - 2 : i - 1;
  const name = at >= 0 && startsWithCapital(tokens[at].raw) ? tokenTerm(tokens[at]) : undefined;
  return name !== undefined && names.has(name) ? { name, passive, from: at } : undefined;
}

/** A noun phrase starts right after the verb: a determiner or a content word, not a preposition or "to". */
function objectFollows(tokens: readonly WordToken[], verb: number): boolean {
  const next = tokens[verb + 1];
  return next !== undefined && (DETERMINERS.has(next.norm) || !STOP_WORDS.has(next.norm));
}
