import { contentTerms, tokenTerm, wordTokens } from '../../search/tokenize';
import type { Passage } from '../../types';
import type { CheckContext } from '../context';
import type { StatementAnalysis } from '../analysis';
import type { Evidence } from '../evidence';
import { unstatedStance } from '../stance';
import { reversedWord } from '../opposites';

/** A way the evidence says the reverse of the statement, or does not take its stance. */
export interface PolarityFinding {
  kind: 'negation' | 'opposite' | 'stance';
  /** The statement's word, as written. */
  word: string;
  /** The source's word, when it says the opposite. */
  counterpart?: string;
}

/** Negation, opposite words and stance: whether the evidence says the statement the same way round. */
export function checkPolarity(analysis: StatementAnalysis, evidence: Evidence, context: CheckContext): PolarityFinding | undefined {
  const negation = negationMismatch(analysis, evidence);
  if (negation) return { kind: 'negation', word: negation };
  const opposite = evidence.opposites[0];
  if (opposite) return { kind: 'opposite', word: opposite.word.raw, counterpart: opposite.counterpart };
  const reversed = evidence.passages.map((p) => reversedWord(analysis.text, p.text)).find(Boolean);
  if (reversed) return { kind: 'opposite', word: reversed };
  const statementTerms = new Set(analysis.words.map((w) => w.term));
  const forms = new Set(evidence.passages.flatMap((p) => [...contentTerms(around(p, context)), ...wordTokens(around(p, context)).map((t) => t.norm)]));
  const stance = unstatedStance([...statementTerms], forms);
  if (stance !== undefined) {
    const word = analysis.words.find((w) => w.term === stance && !evidence.matches.some((m) => m.word === w && m.strength > 0 && m.kind !== 'same' && m.kind !== 'similar'));
    if (word) return { kind: 'stance', word: word.raw };
  }
  return undefined;
}

/**
 * A word the statement negates where the sentence that gives it does not, or the other way
 * round ("sees no evidence" against "has found evidence"): the negation word, as written.
 */
function negationMismatch(analysis: StatementAnalysis, evidence: Evidence): string | undefined {
  const ours = negatedTerms(analysis.text);
  const theirs = new Map(evidence.passages.map((p) => [p.id, negatedTerms(p.text)]));
  const evidenceNegations = new Set(evidence.passages.flatMap((p) => [...negatedTerms(p.text).values()].map((w) => w.toLowerCase())));
  for (const match of evidence.matches) {
    // Only a word the source gives in the same sense can be said the other way round: "hope" is near "enough" in use, not in meaning.
    if (match.strength < 1 || !match.passage || !match.kind || !SAME_SENSE.has(match.kind)) continue;
    const term = match.word.term;
    const source = theirs.get(match.passage.id) ?? negatedTerms(match.passage.text);
    const counterpart = match.counterpart ? tokenTerm({ raw: match.counterpart, norm: match.counterpart.toLowerCase(), start: 0, end: 0 }) : term;
    const negatedThere = source.has(term) || (counterpart !== undefined && source.has(counterpart));
    if (ours.has(term) === negatedThere) continue;
    const word = ours.get(term) ?? source.get(term) ?? (counterpart !== undefined ? source.get(counterpart) : undefined);
    // The same negation in both ("refused to hand over", "refused to give up") is the same claim told with other words.
    if (word && ours.has(term) && evidenceNegations.has(word.toLowerCase())) continue;
    return word;
  }
  return undefined;
}

const NEGATION = /^(?:no|not|never|nothing|none|nobody|cannot|neither|nor|refuse|refuses|refused|refrain|refrains|refrained|stop|stops|stopped|stopping|halt|halts|halted|halting|cease|ceases|ceased|ceasing|without|.*n't)$/;
const NEGATION_SCOPE = 3;

/**
 * The terms a text negates, each with its negation word: a negation reaches the next few words
 * of its clause, and two in a row affirm ("does not refuse to support" supports). Verbs of
 * stopping and refusing negate what follows ("stopped supporting Russia"), except a purpose
 * ("stopped to pose").
 */
function negatedTerms(text: string): Map<string, string> {
  const tokens = wordTokens(text.replace(/\u2019/g, "'"));
  const negated = new Map<string, string>();
  const affirmed = new Set<string>();
  const inScope = new Set<number>();
  const negation = (i: number): boolean => NEGATION.test(tokens[i].raw.toLowerCase());
  for (let i = 0; i < tokens.length; i++) {
    if (!negation(i)) continue;
    if (STOPPING.test(tokens[i].norm) && tokens[i + 1]?.norm === 'to' && !/^refus/.test(tokens[i].norm)) continue;
    for (let j = i + 1; j <= i + NEGATION_SCOPE && j < tokens.length; j++) {
      if (negation(j)) {
        i = j;
        break;
      }
      // A negation stays in its clause: punctuation (a comma, a quotation mark, a dash) ends its reach.
      if (/[^\s-]/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
      inScope.add(j);
      const term = tokenTerm(tokens[j]);
      if (term !== undefined && !negated.has(term)) negated.set(term, tokens[i].raw);
    }
  }
  tokens.forEach((token, i) => {
    const term = tokenTerm(token);
    if (term !== undefined && !inScope.has(i) && !negation(i)) affirmed.add(term);
  });
  // A word the text says both ways ("I will take a cut. I won't take a raise") is not said the other way round.
  for (const term of affirmed) negated.delete(term);
  return negated;
}

const SAME_SENSE = new Set(['same', 'inflection', 'derived', 'synonym', 'abbreviation']);
const STOPPING = /^(?:stop|stops|stopped|stopping|halt|halts|halted|halting|cease|ceases|ceased|ceasing)$/;

/** A passage with its neighbouring sentences, where a stance may be stated ("30% more" the sentence before). */
function around(passage: Passage, context: CheckContext): string {
  return context.documents.get(passage.docId)?.text.slice(passage.contextStart, passage.contextEnd) ?? passage.text;
}
