import { groupLines, STANCE_GROUPS } from '../lexicon/polarity';
import { buildWordGroups, saidInGroup } from './wordGroups';

// A stance or a direction is the claim itself: "China condemned the invasion" says something
// a passage about China and the invasion does not, unless it states that stance too. The groups
// of interchangeable stance words are language data in the lexicon (src/core/lexicon/polarity.ts).
const STANCE_GROUP_LINES = groupLines(STANCE_GROUPS);

/** Every stance term to the terms that state the same stance (its own group or groups). */
const SAME_STANCE = buildWordGroups(STANCE_GROUP_LINES);

const stated = (term: string, passageForms: ReadonlySet<string>): boolean => saidInGroup(SAME_STANCE, term, passageForms);

/**
 * The first stance or direction word of a statement that a passage does not state in any of its
 * words: `passageForms` holds the passage's terms and its folded stop words ("30% more").
 */
export function unstatedStance(statementTerms: readonly string[], passageForms: ReadonlySet<string>): string | undefined {
  return statementTerms.find((term) => SAME_STANCE.has(term) && !stated(term, passageForms));
}
