import { SPEECH_VERB, speakerBeforeVerb } from './attribution';
import { MarkCursor } from './markCursor';
import { nameInPhrase, type Speaker } from './names';

const TITLE_BEFORE_NAME =
  /\b(?:President|Minister|Secretary|[Ss]pokes(?:man|woman|person)|Professor|Ambassador|Chancellor|General|Director|[Aa]nalyst|[Rr]esearcher|[Ff]ellow|[Dd]iplomat|[Ee]nvoy|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|[Rr]uler|[Dd]ictator|[Ll]eader|[Cc]hief)\s+((?:[\p{Lu}][\p{L}\p{M}'\u2019-]+(?:\s+|$)){1,3})/gu;
// Starts only where a word starts: tried inside a long run of capitals, it backtracked quadratically.
const NAME_WITH_APPOSITIVE = /(?<![\p{L}\p{M}'\u2019-])((?:[\p{Lu}][\p{L}\p{M}'\u2019-]+\s+){1,3}[\p{Lu}][\p{L}\p{M}'\u2019-]+),\s+(?:\d+,\s+)?(?!(?:said|says|told|added|explains|explained|wrote)\b)(?:a|an|the)?\s*[\p{Ll}][^,.;]{0,80}/gu;
// "said Temur Umarov" / "according to Umarov" (not "told RFE": that is the listener).
const SPEECH_WITH_NAME = /\b(?:said|says|explains|explained|added|wrote|according to)\s+((?:[\p{Lu}][\p{L}\p{M}'\u2019.-]+\s*){1,4})/gu;

/** Where a person is named in a document, so "he said" can go to the most recent one. */
export interface PersonMention extends Speaker {
  /** The words describing the person in an appositive ("a staff member at ..."), if any. */
  description?: string;
}

export function personMentions(text: string): PersonMention[] {
  const mentions: PersonMention[] = [];
  const add = (phrase: string, at: number, description?: string): void => {
    const name = nameInPhrase(phrase.trim(), at + (phrase.length - phrase.trimStart().length));
    if (name && name.text.split(' ').length >= 1) mentions.push({ ...name, description });
  };
  for (const m of text.matchAll(TITLE_BEFORE_NAME)) add(m[1], m.index! + m[0].length - m[1].length);
  for (const m of text.matchAll(NAME_WITH_APPOSITIVE)) add(m[1], m.index!, m[0].slice(m[1].length + 1).trim());
  for (const m of text.matchAll(SPEECH_WITH_NAME)) add(m[1], m.index! + m[0].length - m[1].length);
  const marks = new MarkCursor(text);
  for (const m of text.matchAll(SPEECH_VERB)) {
    const speaker = speakerBeforeVerb(text, sentenceStartBefore(text, m.index!, marks), m.index!);
    if (speaker?.kind === 'name') mentions.push(speaker);
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The person named last before `offset`. */
export function lastMentionBefore(mentions: readonly PersonMention[], offset: number): PersonMention | undefined {
  let found: PersonMention | undefined;
  for (const mention of mentions) {
    if (mention.start >= offset) break;
    found = mention;
  }
  return found;
}

/** The named person a description ("the researcher") refers to: the last one described with that noun. */
export function mentionDescribedAs(mentions: readonly PersonMention[], head: string, offset: number): PersonMention | undefined {
  let found: PersonMention | undefined;
  const noun = new RegExp(`\\b${head}`, 'i');
  for (const mention of mentions) {
    if (mention.start >= offset) break;
    if (mention.description && noun.test(mention.description)) found = mention;
  }
  return found;
}

function sentenceStartBefore(text: string, offset: number, marks: MarkCursor): number {
  const from = Math.max(0, offset - 300);
  let start = from;
  // Only a full stop (or ! ? …) or a line break can end a sentence: a window without one has nothing to look for.
  if (marks.lastSentenceMark(from, offset) >= 0 || marks.lastNewline(from, offset) >= 0) {
    for (const m of text.slice(from, offset).matchAll(/(?:[.!?\u2026]["\u201D\u2019]?\s+|\n)/g)) start = from + m.index! + m[0].length;
  }
  return start;
}
