import { wordTokens } from '../search/tokenize';
import { formOf } from './wordGroups';

// Words that reverse a claim when a paraphrase swaps one for the other ("a lot to gain" against
// "little to gain", "hasten the conflict" against "delay it"). One pair of opposite groups a line.
const OPPOSITE_PAIRS = `
little scant | lot plenty
delay postpone defer | hasten accelerate expedite
allow permit | ban forbid prohibit
strengthen bolster | weaken undermine
`;

interface Opposition {
  same: ReadonlySet<string>;
  opposite: ReadonlySet<string>;
}

const OPPOSITIONS = new Map<string, Opposition>();
for (const line of OPPOSITE_PAIRS.split('\n').filter((l) => l.includes('|'))) {
  const [left, right] = line.split('|').map((side) => new Set(side.trim().split(/\s+/).map(formOf)));
  for (const form of left) OPPOSITIONS.set(form, { same: left, opposite: right });
  for (const form of right) OPPOSITIONS.set(form, { same: right, opposite: left });
}

/** The statement's word (as written) whose opposite the passage says, and not the word itself. */
export function reversedWord(statement: string, passageSentence: string): string | undefined {
  const passage = new Set(wordTokens(passageSentence).map((t) => formOf(t.raw)));
  const says = (forms: ReadonlySet<string>) => [...forms].some((form) => passage.has(form));
  return wordTokens(statement).find((token) => {
    const opposition = OPPOSITIONS.get(formOf(token.raw));
    return opposition !== undefined && says(opposition.opposite) && !says(opposition.same);
  })?.raw;
}
