import { tokenTerm, wordTokens, type WordToken } from '../../search/tokenize';
import type { StatementAnalysis } from '../analysis';
import type { Evidence, WordMatch } from '../evidence';
import { entityPresent } from '../entities';
import { STOP_WORDS } from '../../search/stopWords';
import { DETERMINERS, PASSIVE_AUXILIARIES, isInflectedVerb } from '../../lexicon/voice';

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
  for (const { ours, verb, doer, match } of namedDoers(analysis, evidence)) {
    const theirs = wordTokens(match.passage!.text);
    for (const [k, token] of theirs.entries()) {
      if (tokenTerm(token) !== match.word.term) continue;
      const sourceVoice = voiceAfterName(theirs, k, new Set([doer.name]));
      if (sourceVoice && sourceVoice.passive !== doer.passive) {
        return { word: analysis.text.slice(ours[doer.from].start, ours[verb].end), counterpart: match.passage!.text.slice(theirs[sourceVoice.from].start, token.end) };
      }
    }
  }
  return undefined;
}

/**
 * "Orban travelled to Beijing" against "Lukashenko travelled to Beijing": the sentence that gives
 * the statement's verb gives it, in the same voice, to a name the statement does not mention, and never
 * names the statement's.
 */
export function doerMismatch(analysis: StatementAnalysis, evidence: Evidence): VoiceFinding | undefined {
  for (const { ours, verb, doer, match } of namedDoers(analysis, evidence)) {
    const group = analysis.names.find((g) => g.terms.includes(doer.name));
    const sentence = evidence.sentences.find((s) => s.passage.id === match.passage!.id);
    if (!group || !sentence) continue;
    if (entityPresent(group, { sentenceTerms: sentence.terms, contextTerms: new Set(), documentCount: (t) => (evidence.document.terms.has(t) ? 1 : 0) })) continue;
    // A name the statement mentions too may be its subject after all ("Nellist, 38, of Keswick was foiled").
    const statementNames = new Set(analysis.names.flatMap((g) => g.terms));
    const otherNames = new Set(sentence.nameGroups.flatMap((g) => g.terms).filter((t) => !statementNames.has(t)));
    const theirs = wordTokens(sentence.passage.text);
    for (const [k, token] of theirs.entries()) {
      if (tokenTerm(token) !== match.word.term) continue;
      const sourceVoice = voiceAfterName(theirs, k, otherNames);
      if (sourceVoice && sourceVoice.passive === doer.passive) {
        return { word: analysis.text.slice(ours[doer.from].start, ours[verb].end), counterpart: sentence.passage.text.slice(theirs[sourceVoice.from].start, token.end) };
      }
    }
  }
  return undefined;
}

/** Each verb of the statement the evidence gives as written, with the name right before it that does it (or has it done). */
function* namedDoers(analysis: StatementAnalysis, evidence: Evidence): Generator<{ ours: WordToken[]; verb: number; doer: { name: string; passive: boolean; from: number }; match: WordMatch }> {
  const nameTerms = new Set(analysis.words.filter((w) => w.name !== undefined).map((w) => w.term));
  if (nameTerms.size === 0) return;
  const ours = wordTokens(analysis.text);
  for (const match of evidence.matches) {
    if (match.strength < 1 || !match.passage || !match.kind || !SAME_WORD.has(match.kind)) continue;
    const verb = ours.findIndex((t) => t.start === match.word.start);
    const doer = voiceAfterName(ours, verb, nameTerms);
    if (doer) yield { ours, verb, doer, match };
  }
}

/**
 * Whether the verb at `i` follows one of the names after an auxiliary ("Briggs was refused", "is refusing"),
 * or directly with an object after it ("Briggs refused a place"); any other order leaves the voice open.
 */
function voiceAfterName(tokens: readonly WordToken[], i: number, names: ReadonlySet<string>): { name: string; passive: boolean; from: number } | undefined {
  // Only a verb's inflected form tells a clause from a noun phrase ("Estonia last year" is none); base-form pasts ("beat") go with it.
  if (i < 1 || !isInflectedVerb(tokens[i].norm)) return undefined;
  const auxiliary = PASSIVE_AUXILIARIES.has(tokens[i - 1].norm);
  // "is refusing" is the progressive: active.
  const passive = auxiliary && !tokens[i].norm.endsWith('ing');
  if (!auxiliary && !objectFollows(tokens, i)) return undefined;
  const at = auxiliary ? i - 2 : i - 1;
  const name = at >= 0 && /^\p{Lu}/u.test(tokens[at].raw) ? tokenTerm(tokens[at]) : undefined;
  return name !== undefined && names.has(name) ? { name, passive, from: at } : undefined;
}

/** A noun phrase starts right after the verb: a determiner or a content word, not a preposition or "to". */
function objectFollows(tokens: readonly WordToken[], verb: number): boolean {
  const next = tokens[verb + 1];
  return next !== undefined && (DETERMINERS.has(next.norm) || !STOP_WORDS.has(next.norm));
}

