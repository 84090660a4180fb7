import type { StatementAnalysis } from '../analysis';
import type { Evidence } from '../evidence';
import type { EntityGroup } from '../entities';
import { placeName } from '../places';

/** Where the statement says it happened, and the other place the source gives for it. */
export interface PlaceFinding {
  /** The statement's place, as written ("Moscow"). */
  word: string;
  /** The source's place, as written ("Beijing"). */
  counterpart: string;
}

/**
 * "met in Moscow" against "met in Beijing": the statement says where it happened with a country or
 * capital, the sentences used say it with another the statement does not name, and name the
 * statement's place, if at all, only as something other than where it happened ("Moscow's closest allies").
 */
export function rivalPlace(analysis: StatementAnalysis, evidence: Evidence): PlaceFinding | undefined {
  if (!analysis.names.some(isPlace)) return undefined;
  const named = new Set(analysis.names.flatMap((g) => g.terms));
  const places = evidence.sentences.flatMap((s) => s.nameGroups.filter(isPlace).map((group) => ({ group, sentence: s })));
  for (const [i, place] of analysis.names.entries()) {
    if (!isPlace(place) || places.some(({ group }) => samePlace(group, place))) continue;
    const rival = places.find(({ group }) => !group.terms.some((t) => named.has(t)) && !samePlace(group, place));
    if (rival) {
      const word = analysis.words.filter((w) => w.name === i).map((w) => w.raw).join(' ');
      return { word, counterpart: rival.group.terms.map((t) => rival.sentence.spelling.get(t) ?? t).join(' ') };
    }
  }
  return undefined;
}

// A country or capital named as a place ("in Minsk", "visited Minsk"); "according to Umarov" and "in Umarov's view" name no place.
const isPlace = (g: EntityGroup): boolean => g.locative && !g.speaker && placeName(g.terms) !== undefined;

/** The same place, or its country's other name ("Beijing" and "China"). */
function samePlace(a: EntityGroup, b: EntityGroup): boolean {
  if (a.terms.some((t) => b.terms.includes(t))) return true;
  const key = b.terms.join(' ');
  return placeName(a.terms)?.aliases.some((alias) => alias.join(' ') === key) ?? false;
}
