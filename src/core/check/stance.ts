import { groupLines, STANCE_GROUPS } from '../lexicon/polarity';
import { buildWordGroups, saidInGroup } from './wordGroups';
import { contentTerms, wordTokens } from '../search/tokenize';
import { rememberedByText } from '../text/rememberedByText';

// A stance or a direction is the claim itself: "China condemned the invasion" says something
// a passage about China and the invasion does not, unless it states that stance too. The groups
// of interchangeable stance words are language data in the lexicon (src/core/lexicon/polarity.ts).
const STANCE_GROUP_LINES = groupLines(STANCE_GROUPS);

/** Every stance term to the terms that state the same stance (its own group or groups). */
const SAME_STANCE = buildWordGroups(STANCE_GROUP_LINES);

/** Whether a form is among a passage's words (saidInGroup() asks nothing else). */
export interface Forms {
  has(form: string): boolean;
}

/** Whether a term states a stance or a direction ("condemned", "rose"). */
export function isStanceTerm(term: string): boolean {
  return SAME_STANCE.has(term);
}

const stated = (term: string, passageForms: Forms): boolean => saidInGroup(SAME_STANCE, term, passageForms);

/**
 * The first stance or direction word of a statement that a passage does not state in any of its
 * words: `passageForms` holds the passage's terms and its folded stop words ("30% more"), or
 * gathers them when asked (most statements take no stance, and then they are never gathered).
 */
export function unstatedStance(statementTerms: readonly string[], passageForms: Forms | (() => Forms)): string | undefined {
  let forms = typeof passageForms === 'function' ? undefined : passageForms;
  const gathered = (): Forms => {
    forms ??= (passageForms as () => Forms)();
    return forms;
  };
  return statementTerms.find((term) => SAME_STANCE.has(term) && !stated(term, gathered()));
}

// Evidence passages come back statement after statement: each text's forms are gathered once.
const FORMS_CACHE_MAX_CHARS = 4000;
const formsIn = rememberedByText(formsOfText);

function formsOfText(text: string): ReadonlySet<string> {
  return new Set([...contentTerms(text), ...wordTokens(text).map((t) => t.norm)]);
}

/** The forms of the texts together: their index terms and their folded words. */
export function formsOfTexts(texts: readonly string[]): Forms {
  const sets = texts.map((text) => (text.length > FORMS_CACHE_MAX_CHARS ? formsOfText(text) : formsIn(text)));
  return sets.length === 1 ? sets[0] : { has: (form) => sets.some((set) => set.has(form)) };
}
