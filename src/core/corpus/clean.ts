// Finds web junk in scraped article text with general rules: author bios, teasers of other
// stories, markup residue, promos, "read also" sections and duplicated paragraphs.
import type { OffsetRange } from '../types';
import { TextLines } from './lines';
import { rememberedForShortLines } from './shortLines';
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
  const rules = lineRules(lines);
  // One flag a line: a Set of the junk lines took a second and tens of MB on a text of 2 million junk lines.
  const junk = new Uint8Array(lines.length);
  const tail = tailStart(rules);
  // Lines up to here are known junk after a section end: a run of section ends is scanned once, not once each.
  let sectionEnd = 0;

  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines.text(i);
    const rule = rules[i];
    if (rule & ((i >= tail ? BIO_IN_TAIL : BIO) | ABOUT | FURNITURE_LINE)) junk[i] = 1;
    else if (rule & PROMO_HEADING_LINE) {
      junk[i] = 1;
      if (i + 1 < lines.length && CALL_TO_ACTION.test(lines.text(i + 1))) junk[i + 1] = 1;
    } else if (rule & PROMO_CALL) junk[i] = 1;
    else if (rule & RESIDUE) junk[i] = 1;
    else if (i > 0 && sameParagraph(previous, line)) junk[i] = 1;
    else if (rule & SECTION_END_LINE) {
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

// What the patterns say of a line by itself, one bit each (lineRules).
const BIO = 1;
const BIO_IN_TAIL = 2;
const ABOUT = 4;
const FURNITURE_LINE = 8;
const PROMO_HEADING_LINE = 16;
const PROMO_CALL = 32;
const RESIDUE = 64;
const SECTION_END_LINE = 128;

/** Every line's bits, each line tested once (tailStart and the junk rules read the same tests). */
function lineRules(lines: TextLines): Uint8Array {
  const rulesOf = rememberedForShortLines(rulesOfLine);
  const rules = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) rules[i] = rulesOf(lines.text(i));
  return rules;
}

function rulesOfLine(line: string): number {
  const firstPerson = FIRST_PERSON_BIO.test(line);
  const profession = (firstPerson || THIRD_PERSON_BIO.test(line)) && PROFESSION.test(line);
  return (
    (firstPerson && profession ? BIO : 0) |
    (profession ? BIO_IN_TAIL : 0) |
    (ABOUT_PERSON.test(line) ? ABOUT : 0) |
    (FURNITURE.test(line) ? FURNITURE_LINE : 0) |
    (isPromoHeading(line) ? PROMO_HEADING_LINE : 0) |
    (CALL_TO_ACTION.test(line) && PROMO_WORDS.test(line) ? PROMO_CALL : 0) |
    (startsWithMarkupResidue(line) ? RESIDUE : 0) |
    (SECTION_END.test(line) ? SECTION_END_LINE : 0)
  );
}

/** Index of the first line of the page's footer (bio, "About X", "Read also"...), or the number of lines. */
function tailStart(rules: Uint8Array): number {
  for (let i = 1; i < rules.length; i++) if (rules[i] & (BIO | ABOUT | SECTION_END_LINE)) return i;
  return rules.length;
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
