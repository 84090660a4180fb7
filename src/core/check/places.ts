import { COUNTRY_NAMES } from '../lexicon/places';
import { contentTerms } from '../search/tokenize';

// News writing names a government by its capital or seat ("Beijing said", "the Kremlin"), so a
// country, its capital, its seat of power and its irregular demonym stand for one another. The
// names are geography in the lexicon (src/core/lexicon/places.ts); here they become index terms.

export interface PlaceName {
  /** Whether the name is the country's capital city (a place inside it, not the whole country). */
  capital: boolean;
  /** The other names of its country, each as index terms: "Beijing" -> [["china"], ["chines"], ...]. */
  aliases: string[][];
}

/** Keyed by a name's index terms joined by spaces ("new delhi"). */
const PLACES = buildPlaces();

function buildPlaces(): Map<string, PlaceName> {
  const places = new Map<string, PlaceName>();
  for (const { country, capital, others } of COUNTRY_NAMES) {
    // Acronyms keep their own terms ("US" -> "us_"), as in the index.
    const names = [country, capital, ...others].map((name) => contentTerms(name));
    names.forEach((name, i) => {
      places.set(name.join(' '), { capital: i === 1, aliases: names.filter((other) => other !== name) });
    });
  }
  return places;
}

export function placeName(terms: readonly string[]): PlaceName | undefined {
  return PLACES.get(terms.join(' '));
}

/** The index term of "capital": "the Chinese capital" names Beijing as a place. */
export const CAPITAL_TERM = contentTerms('capital')[0];
