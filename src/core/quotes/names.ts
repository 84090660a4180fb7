import { foldText } from '../search/normalize';
import { STOP_WORDS } from '../search/stopWords';

/** Who a quote is given to: a named person, a description ("the diplomat") or a pronoun. */
export interface Speaker {
  kind: 'name' | 'descriptor' | 'pronoun';
  /** The name without titles ("Alexander Lukashenko"), the description, or the pronoun. */
  text: string;
  start: number;
  end: number;
}

const HONORIFICS = /^(?:mr|mrs|ms|dr|prof|sir|dame)\.?$/i;
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'ul']);
const TITLE_WORDS = new Set(
  `president prime minister foreign secretary general major army chancellor professor director
  ambassador senator spokesman spokeswoman spokesperson chief leader premier state defense defence
  deputy vice king queen pope governor mayor judge commander admiral colonel captain lieutenant
  senior former distinguished head chairman chairwoman chair envoy diplomat analyst researcher
  minister ceo founder editor correspondent reporter officer official representative
  dictator ruler emperor sheikh prince princess lord`.split(/\s+/).filter(Boolean),
);
// Nationality adjectives before a name ("Belarusian President ..."), stripped only while more
// than two words remain so that a first name such as "Christian" survives.
const DEMONYM = /(?:ian|ese|ish|can|ean)$/;

const CAPITALIZED = /^[\p{Lu}][\p{L}\p{M}'\u2019.-]*$/u;

/**
 * The person's name in a phrase such as "Belarusian President Alexander Lukashenko" or
 * "Rhodium Group's Noah Barkin": the last run of capitalized words, titles stripped.
 */
export function nameInPhrase(phrase: string, base: number, mustEndPhrase = false): Speaker | undefined {
  const afterPossessive = phrase.split(/['\u2019]s\s+/);
  const tail = afterPossessive[afterPossessive.length - 1];
  const tailOffset = base + phrase.length - tail.length;
  const words = [...tail.matchAll(/[\p{L}\p{M}'\u2019.-]+/gu)].map((m) => ({ word: m[0].replace(/[.,]+$/, (dots) => (HONORIFICS.test(m[0]) ? dots : '')), start: tailOffset + (m.index ?? 0) }));
  let runEnd = words.length;
  while (runEnd > 0 && !CAPITALIZED.test(words[runEnd - 1].word)) runEnd--;
  if (runEnd === 0 || (mustEndPhrase && runEnd < words.length)) return undefined;
  let runStart = runEnd - 1;
  while (runStart > 0 && (CAPITALIZED.test(words[runStart - 1].word) || PARTICLES.has(words[runStart - 1].word))) runStart--;
  let run = words.slice(runStart, runEnd).filter((w) => !HONORIFICS.test(w.word));
  // A sentence's first word is capitalized whatever it is: "But Pete James" names Pete James.
  while (run.length > 1 && STOP_WORDS.has(run[0].word.toLowerCase())) run = run.slice(1);
  while (run.length > 1 && isTitle(run[0].word, run.length)) run = run.slice(1);
  if (run.length > 3) run = run.slice(run.length - 3);
  while (run.length > 0 && PARTICLES.has(run[0].word)) run = run.slice(1);
  if (run.length === 0 || isTitle(run[run.length - 1].word, 1)) return undefined;
  const last = run[run.length - 1];
  return { kind: 'name', text: run.map((w) => w.word).join(' '), start: run[0].start, end: last.start + last.word.length };
}

/** Titles and ranks ("President", "Minister"): not names a passage must repeat. */
export function isTitleWord(word: string): boolean {
  let title = titleWords.get(word);
  if (title === undefined) {
    title = TITLE_WORDS.has(foldText(word).replace(/[^a-z]/g, ''));
    if (titleWords.size < 100_000) titleWords.set(word, title);
  }
  return title;
}

// A check asks about the same words of the same candidate passages for statement after statement.
const titleWords = new Map<string, boolean>();

function isTitle(word: string, runLength: number): boolean {
  const folded = foldText(word).replace(/[^a-z]/g, '');
  return TITLE_WORDS.has(folded) || (runLength > 2 && DEMONYM.test(folded));
}

function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

function nameTokens(name: string): string[] {
  return foldText(name).split(/[\s-]+/).map((t) => t.replace(/[^a-z]/g, '')).filter((t) => t.length > 0 && !PARTICLES.has(t));
}

/** Two spellings of one name token: equal, or a transliteration a letter apart (Gabuev/Gabuyev). */
function sameNameToken(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  return levenshtein(a, b, shorter >= 8 ? 2 : 1) <= (shorter >= 8 ? 2 : 1);
}

/** "Cabestan" names "Jean-Pierre Cabestan"; "Yun Sun" names "Yun Sun"; "Gabuev" names "Alexander Gabuyev"; "Wan" names "Wan Qingsong". */
export function namesMatch(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  // Chinese, Korean and Hungarian names put the surname first: "Wan" names "Wan Qingsong".
  if (short.length === 1 && long.length === 2 && sameNameToken(short[0], long[0])) return true;
  // The shorter form's last token is the surname: it must match the longer form's surname.
  if (!sameNameToken(short[short.length - 1], long[long.length - 1])) return false;
  return short.slice(0, -1).every((token) => long.some((other) => sameNameToken(token, other) || other.startsWith(token)));
}

/** The head noun of a description: "An EU diplomat familiar with the matter" -> "diplomat". */
export function descriptorHead(description: string): string {
  const words = foldText(description).split(/\s+/).filter(Boolean);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:of|at|for|from|with|in|on|familiar|who|which|that|,)$/.test(w));
  const phrase = cut > 0 ? words.slice(0, cut) : words;
  return (phrase[phrase.length - 1] ?? '').replace(/[^a-z]/g, '');
}
