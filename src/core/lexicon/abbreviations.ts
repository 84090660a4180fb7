// Whether one spelling abbreviates another, by the ways English abbreviates: initialisms
// ("U.S." for "United States", "PM" for "prime minister"), truncations ("Sept." for "September",
// "Gen." for "General") and contractions that keep a word's first and last letters ("Utd" for
// "United", "Govt" for "Government", "St" for "Saint"). Phrases are compared word by word
// ("Man Utd" for "Manchester United"). These are spelling rules, not a list: WordNet supplies
// the abbreviations it knows (US, UN, EU) as synonyms, and the rules say which synonym or
// unknown word is the abbreviated form.

// Function words an initialism usually skips ("United States of America" -> USA).
const SKIPPED = new Set(['of', 'the', 'and', 'for', 'in', 'on', '&']);

const letters = (word: string) => word.replace(/\./g, '');

/** "usa" is the initials of "united states of america" (all words, or the content words). */
export function isInitialism(short: string, long: string): boolean {
  // Most pairs asked are two single words: they are told apart before any string is built.
  if (!/[\s-]/.test(long) || /\s/.test(short)) return false;
  const initials = letters(short);
  const words = long.split(/[\s-]+/).filter(Boolean);
  if (initials.length < 2 || words.length < 2) return false;
  const all = words.map((w) => w[0]).join('');
  const content = words.filter((w) => !SKIPPED.has(w)).map((w) => w[0]).join('');
  return initials === all || initials === content;
}

/** "sept" truncates "september"; "utd" contracts "united" (first and last letters kept, the rest in order). */
export function shortensWord(short: string, long: string): boolean {
  const s = letters(short);
  if (s.length < 2 || s.length >= long.length || s[0] !== long[0] || !/^[a-z]+$/.test(s)) return false;
  if (s.length >= 3 && long.startsWith(s)) return true;
  if (s[s.length - 1] !== long[long.length - 1]) return false;
  let at = 0;
  for (const ch of s) {
    at = long.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * Whether `short` abbreviates `long` (both lower case). A word that is itself a dictionary
 * word ("man", "con") is taken as that word, not a truncation, unless a full stop marks it; in a
 * phrase every word must be its counterpart or shorten it, and one must be marked or no
 * dictionary word ("Man Utd").
 */
export function abbreviates(short: string, long: string, isWord: (word: string) => boolean): boolean {
  if (isInitialism(short, long)) return true;
  const shortWords = short.split(' ');
  const longWords = long.split(' ');
  if (shortWords.length !== longWords.length) return false;
  let abbreviated = false;
  for (let i = 0; i < shortWords.length; i++) {
    if (shortWords[i] === longWords[i]) continue;
    if (!shortensWord(shortWords[i], longWords[i])) return false;
    // The abbreviating full stop ("Sept.") or no dictionary word ("Utd") marks an abbreviation.
    if (shortWords[i].endsWith('.') || !isWord(letters(shortWords[i]))) abbreviated = true;
  }
  return abbreviated;
}
