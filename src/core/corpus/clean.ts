// Finds web junk in scraped article text with general rules: author bios, teasers of other
// stories, markup residue, promos, "read also" sections and duplicated paragraphs.
import type { OffsetRange } from '../types';
import { TextLines } from './lines';
import { isTranscript } from '../formats/transcript';

const NAME_WORD = String.raw`[A-Z][\p{L}'’-]*\.?`;
const PERSON_NAME = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){1,3}`;

/** "I am Amelia James, a passionate journalist..." (the name is captured). */
export const FIRST_PERSON_BIO = new RegExp(String.raw`^(?:I am|I'm|I’m|My name is|Hi,? I'm|Hello,? I'm)\s+(${PERSON_NAME})\s*[,.;–—-]`, 'u');
const THIRD_PERSON_BIO = new RegExp(String.raw`^${PERSON_NAME}\s+(?:is|has been)\s+(?:a|an|the)\b`, 'u');
const PROFESSION = /\b(journalist|writer|reporter|editor|author|blogger|correspondent|columnist|contributor|freelancer|news|media|content creator|storyteller)\b/i;
/** An "About Florence L. Silvia" author box heading (the name is captured). */
export const ABOUT_PERSON = new RegExp(String.raw`^About(?: the author)?:?\s+((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?${PERSON_NAME})$`, 'u');

/** Headings after which a page lists other stories, comments or tags, not the article. */
const SECTION_END = /^(check also|read also|also read|read more|see also|related( (articles?|posts?|stories|news|content|coverage|reading|topics))?|more (stories|news|from [\p{L} ]+)|you (may|might) (also )?(like|enjoy)|recommended( for you| stories)?|trending( now| stories)?|most (read|popular|viewed)|popular (posts|stories)|latest (news|posts|stories)|comments?|leave a (reply|comment)|tags|share this( article| story)?|about the author)\s*:?$/iu;
/** One-line page furniture that sits between article paragraphs. */
const FURNITURE = /^(advertisement|advertising|sponsored( content)?|scroll to continue|continue reading|skip advert(isement)?|follow us|share( on \w+)?|print|email|image|photo|video)\s*:?$/iu;
/** A promo heading such as "Live briefing: Russia invades Ukraine". */
const PROMO_HEADING = /^(live (briefing|blog|updates?|coverage|news)|breaking news|newsletter|podcast|sign up|subscribe|watch( live)?|listen( live)?|special report)\s*[:|–—-]/iu;
/** A call to action: "Consult the live briefing...", "Sign up for our newsletter...". */
const CALL_TO_ACTION = /^(consult|read|follow|subscribe|sign up|click|tap|download|get|watch|listen|visit|join|check out|find out more|don['’]t miss)\b/iu;
const PROMO_WORDS = /\b(briefing|newsletter|subscribe|subscription|sign up|our app|podcast|click here|inbox|live (coverage|updates|blog)|follow us)\b/iu;
/** Broken markup from a scraper, e.g. `class="sc-cffd1e67-0 iQNQmc">`. */
const MARKUP_RESIDUE = /(?:^|[\s<])[\w:-]+=["'][^"'<>\n]*["']\s*\/?>|<\/?[a-z][\w-]*(?:\s+[\w:-]+(?:=["'][^"'<>\n]*["'])?)*\s*\/?>/giu;
/** A line cut off mid-sentence by a teaser widget: "...in the earthquake in the…". */
const TRUNCATED = /[\p{L}\p{N},;:’'\-–]\s*(…|\.\.\.)$/u;
const TEASER_MAX_LENGTH = 320;
/** A paragraph long enough, and finished, to be article prose rather than page furniture. */
const ARTICLE_PARAGRAPH_MIN_LENGTH = 200;

/**
 * Ranges of `text` that are web junk, in order. `lines` and `transcript` are the text's lines and
 * whether it is a transcript, when the caller has them already (cleaning reads both for metadata).
 */
export function findJunk(text: string, lines = new TextLines(text), transcript = () => isTranscript(text)): OffsetRange[] {
  // One flag a line: a Set of the junk lines took a second and tens of MB on a text of 2 million junk lines.
  const junk = new Uint8Array(lines.length);
  const tail = tailStart(lines);
  // Lines up to here are known junk after a section end: a run of section ends is scanned once, not once each.
  let sectionEnd = 0;

  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines.text(i);
    if (isBio(line, i >= tail) || ABOUT_PERSON.test(line) || FURNITURE.test(line)) junk[i] = 1;
    else if (isPromoHeading(line)) {
      junk[i] = 1;
      if (i + 1 < lines.length && CALL_TO_ACTION.test(lines.text(i + 1))) junk[i + 1] = 1;
    } else if (CALL_TO_ACTION.test(line) && PROMO_WORDS.test(line)) junk[i] = 1;
    else if (startsWithMarkupResidue(line)) junk[i] = 1;
    else if (i > 0 && sameParagraph(previous, line)) junk[i] = 1;
    else if (SECTION_END.test(line)) {
      junk[i] = 1;
      if (i >= sectionEnd) {
        let j = i + 1;
        for (; j < lines.length && !isArticleParagraph(lines.text(j)); j++) junk[j] = 1;
        sectionEnd = j;
      }
    }
    previous = line;
  }
  // A speaker trailing off ("Well, I thought...") is not a teaser.
  if (!transcript()) markTeasers(lines, junk, tail);

  // Line by line, so the ranges come in order: a junk line whole, markup residue inside the others.
  const ranges: OffsetRange[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (junk[i]) ranges.push({ start: lines.start(i), end: lines.end(i) });
    else ranges.push(...markupResidueIn(lines.text(i), lines.start(i)));
  }
  return ranges;
}

/** Index of the first line of the page's footer (bio, "About X", "Read also"...), or lines.length. */
function tailStart(lines: TextLines): number {
  for (let i = 1; i < lines.length; i++) {
    const line = lines.text(i);
    if (isBio(line, false) || ABOUT_PERSON.test(line) || SECTION_END.test(line)) return i;
  }
  return lines.length;
}

function isBio(line: string, inTail: boolean): boolean {
  return (FIRST_PERSON_BIO.test(line) || (inTail && THIRD_PERSON_BIO.test(line))) && PROFESSION.test(line);
}

function isPromoHeading(line: string): boolean {
  return line.length <= 120 && PROMO_HEADING.test(line) && !/[.!?]["”’]?$/u.test(line);
}

function startsWithMarkupResidue(line: string): boolean {
  return line.includes('>') && line.search(MARKUP_RESIDUE) === 0;
}

function markupResidueIn(line: string, lineStart: number): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  if (!line.includes('>')) return ranges;
  for (const match of line.matchAll(MARKUP_RESIDUE)) {
    const offset = match[0].length - match[0].trimStart().length;
    ranges.push({ start: lineStart + match.index + offset, end: lineStart + match.index + match[0].length });
  }
  return ranges;
}

/** The same paragraph twice in a row (a photo caption repeated by the scraper). */
function sameParagraph(a: string, b: string): boolean {
  return a.length >= 20 && Math.abs(a.length - b.length) <= 8 && normalizeParagraph(a) === normalizeParagraph(b);
}

function normalizeParagraph(text: string): string {
  return text.replace(/[“”„‟"«»]/gu, '"').replace(/[‘’‚‛']/gu, "'").replace(/\s+/gu, ' ').toLowerCase();
}

function isArticleParagraph(line: string): boolean {
  return line.length >= ARTICLE_PARAGRAPH_MIN_LENGTH && /[.!?]["”’)]?$/u.test(line) && !TRUNCATED.test(line);
}

/**
 * Teasers of other stories: lines cut off with an ellipsis. One alone may be an article's
 * trailing quote, so a teaser counts only in the page's footer or next to another teaser.
 */
function markTeasers(lines: TextLines, junk: Uint8Array, tail: number): void {
  const isTeaser = (i: number) => lines.end(i) - lines.start(i) <= TEASER_MAX_LENGTH && TRUNCATED.test(lines.text(i));
  for (let i = 0; i < lines.length; i++) {
    if (junk[i] || !isTeaser(i)) continue;
    const besideTeaser = (i > 0 && (isTeaser(i - 1) || junk[i - 1] === 1)) || (i + 1 < lines.length && isTeaser(i + 1));
    if (i >= tail || besideTeaser) junk[i] = 1;
  }
}
