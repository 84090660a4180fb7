import { tokenTerm, wordTokens, type WordToken } from '../../search/tokenize';
import type { StatementAnalysis } from '../analysis';
import type { Evidence } from '../evidence';
import { STOP_WORDS } from '../../search/stopWords';
import { DETERMINERS, PASSIVE_AUXILIARIES } from '../../lexicon/voice';

/** A named subject the statement makes the doer where the source makes it the one done to, or the other way round. */
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
  const ours = wordTokens(analysis.text);
  const nameTerms = new Set(analysis.words.filter((w) => w.name !== undefined).map((w) => w.term));
  for (const match of evidence.matches) {
    if (match.strength < 1 || !match.passage || !match.kind || !SAME_WORD.has(match.kind)) continue;
    const i = ours.findIndex((t) => t.start === match.word.start);
    const statementVoice = voiceAfterName(ours, i, nameTerms);
    if (!statementVoice) continue;
    const theirs = wordTokens(match.passage.text);
    for (const [k, token] of theirs.entries()) {
      if (tokenTerm(token) !== match.word.term) continue;
      const sourceVoice = voiceAfterName(theirs, k, new Set([statementVoice.name]));
      if (sourceVoice && sourceVoice.passive !== statementVoice.passive) {
        return { word: analysis.text.slice(ours[statementVoice.from].start, ours[i].end), counterpart: match.passage.text.slice(theirs[sourceVoice.from].start, token.end) };
      }
    }
  }
  return undefined;
}

/**
 * Whether the verb at `i` follows one of the names after an auxiliary ("Briggs was refused", "is refusing"),
 * or directly with an object after it ("Briggs refused a place"); any other order leaves the voice open.
 */
function voiceAfterName(tokens: readonly WordToken[], i: number, names: ReadonlySet<string>): { name: string; passive: boolean; from: number } | undefined {
  if (i < 1) return undefined;
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
