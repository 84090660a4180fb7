import { buildWordGroups, saidInGroup } from './wordGroups';

// Common paraphrases of news writing ("demanded" for "called for", "travelled" for "visited"):
// a statement word counts as covered when the passage uses a word of its group. One group a line.
const PARAPHRASE_GROUPS = `
demand call urge press insist appeal
visit trip travel tour
meet meeting talks conversation
phone telephone
speak talk conversation call
warn caution alert
buy purchase acquire
begin start launch
try attempt seek strive
stop halt cease
plan proposal initiative
war conflict fighting
leader head chief
government administration authorities leadership
ally partner
big large major huge
accuse allege accusation allegation
weaken deplete undermine
strengthen reinforce boost bolster deepen
discuss talk
send dispatch deploy
expert analyst specialist
agreement deal accord pact
hit reach amount total
delay postpone defer
`;

const PARAPHRASES = buildWordGroups(PARAPHRASE_GROUPS);

/** The statement's terms the passage gives in other words of the same paraphrase group. */
export function paraphrasedTerms(statementTerms: readonly string[], passageForms: ReadonlySet<string>): string[] {
  return statementTerms.filter((term) => PARAPHRASES.has(term) && !passageForms.has(term) && saidInGroup(PARAPHRASES, term, passageForms));
}
