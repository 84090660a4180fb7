// Why a passage is offered as related, in words a reader can check against the passage.
import type { PassageHit } from '../types';

const MAX_TERMS = 6;

/**
 * "Matched words: ceasefire, sanctions, Beijing", or "Same people and places: Xi, Moscow" when
 * only names matched; capitalized words count as names.
 */
export function passageReason(hit: PassageHit): string {
  const seen = new Set<string>();
  const terms = hit.matchedTerms.filter((term) => {
    const key = term.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (terms.length === 0) return 'Close in meaning (no shared words)';
  const names = terms.filter((t) => /^\p{Lu}/u.test(t));
  const words = terms.filter((t) => !/^\p{Lu}/u.test(t));
  const listed = (list: string[]) => (list.length > MAX_TERMS ? `${list.slice(0, MAX_TERMS).join(', ')} and ${list.length - MAX_TERMS} more` : list.join(', '));
  if (words.length === 0) return `Same people and places: ${listed(names)}`;
  return `Matched words: ${listed([...words, ...names])}`;
}
