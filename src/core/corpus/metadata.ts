// Reads the metadata a scraped article carries in its text: headline, byline, outlet, date.
// Lines that only carry metadata are returned as ranges to blank: they are not article prose.
import type { OffsetRange, SourceMetadata } from '../types';
import { webAddress } from '../formats/metadataValues';
import { ABOUT_PERSON, FIRST_PERSON_BIO } from './clean';
import { TextLines, type TextLine } from './lines';
import { rememberedForShortLines } from './shortLines';
import { isTranscript } from '../formats/transcript';

export interface TextMetadata {
  metadata: SourceMetadata;
  /** Metadata-only lines (and parts of lines), to keep out of passages. */
  lines: OffsetRange[];
}

const NAME = String.raw`(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir)\.?\s+)?[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|der|da|al|bin|ul|el|la|le))*`;
const BYLINE = new RegExp(String.raw`^(?:By|Written by|Words by|Reporting by)\s+(${NAME}(?:\s*(?:,|and|&)\s*${NAME})*)\.?$`, 'u');
const AUTHOR_LINE = new RegExp(String.raw`^(?:[Aa]uthors?|AUTHORS?|[Ww]riter|[Rr]eporter|[Bb]yline)\s*:\s*(${NAME}(?:\s*(?:,|and|&)\s*${NAME})*)$`, 'u');
const OUTLET_LINE = /^(?:Source|Outlet|Publication|Published in|Originally published (?:in|by|at))\s*:?\s*(.{2,60})$/iu;
const OUTLET_PREFIX = /^([\p{Lu}][\p{L}\p{N}&.'’-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*){0,3})\s*:\s+(?=[\p{Lu}“"])/u;
const TITLE_BYLINE = new RegExp(String.raw`^(.{3,200}?)\s+[|–—-]\s+By\s+(${NAME})$`, 'u');
const URL_LINE = /^(?:URL|Link|Original(?: URL)?)\s*:\s*(https?:\/\/\S+)$|^(https?:\/\/\S+)$/iu;

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+`;
const DAY_MONTH = String.raw`\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?(?:\s+\d{4})?`;
const MONTH_DAY = String.raw`${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?`;
const NUMERIC_DATE = String.raw`\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}`;
const TIME = String.raw`(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?`;
const DATE_LINE = new RegExp(String.raw`^(?:(?:Published|Updated|Posted|Last updated)(?:\s+on)?\s*:?\s*)?(?:${WEEKDAY})?(${DAY_MONTH}|${MONTH_DAY}|${NUMERIC_DATE})${TIME}$`, 'iu');

/** What one line says: a field and its value, and whether the line holds nothing else (to blank). */
interface LineField {
  field: keyof SourceMetadata;
  value: string | undefined;
  blank: boolean;
}

/** The field a line gives by itself (TITLE_BYLINE and the headline, read from the first line only, aside). */
// biome-ignore-start lint/suspicious/noAssignInExpressions: each branch keeps the match it tested, and later patterns run only when earlier ones fail
function lineField(text: string): LineField | undefined {
  let match: RegExpMatchArray | null;
  if ((match = text.match(BYLINE)) || (match = text.match(AUTHOR_LINE))) return { field: 'author', value: match[1], blank: true };
  if ((match = text.match(OUTLET_LINE)) && !/[.!?]["”]?$/u.test(match[1]) && wordCount(match[1]) <= 6) return { field: 'outlet', value: match[1], blank: true };
  if (DATE_LINE.test(text)) return { field: 'date', value: text.replace(/^(?:Published|Updated|Posted|Last updated)(?:\s+on)?\s*:?\s*/iu, ''), blank: true };
  // Link citations write this address into the draft: `<`, `>` or quotes in it could break out of the link.
  if ((match = text.match(URL_LINE))) return { field: 'url', value: webAddress(match[1] ?? match[2]), blank: true };
  if ((match = text.match(FIRST_PERSON_BIO)) || (match = text.match(ABOUT_PERSON))) return { field: 'author', value: match[1], blank: false };
  return undefined;
}
// biome-ignore-end lint/suspicious/noAssignInExpressions: end of lineField

/**
 * Reads metadata from a source's lines; the first occurrence of each field wins. `lines` and
 * `transcript` as for findJunk: the text's lines and whether it is a transcript, when known.
 */
export function readMetadata(text: string, lines = new TextLines(text), transcript = () => isTranscript(text)): TextMetadata {
  const metadata: SourceMetadata = {};
  const ranges: OffsetRange[] = [];
  const set = (field: keyof SourceMetadata, value: string | undefined) => {
    const clean = value?.trim().replace(/[.,;:]$/u, '').trim();
    if (clean && metadata[field] === undefined) metadata[field] = clean;
  };
  const fieldOf = rememberedForShortLines(lineField);

  for (let i = 0; i < lines.length; i++) {
    const line: TextLine = { index: i, start: lines.start(i), end: lines.end(i), text: lines.text(i) };
    const titleByline = i === 0 ? line.text.match(TITLE_BYLINE) : null;
    if (titleByline) {
      set('title', titleByline[1]);
      set('author', titleByline[2]);
      ranges.push(whole(line));
      continue;
    }
    const found = fieldOf(line.text);
    if (found) {
      set(found.field, found.value);
      if (found.blank) ranges.push(whole(line));
    } else if (i === 0) {
      // The same test that gives a transcript its speakers' turns.
      readHeadline(line, metadata, ranges, transcript());
    }
  }
  return { metadata, lines: ranges };
}

/** A first line that reads as a headline: "Outlet: Headline", or short and without a full stop. */
function readHeadline(line: TextLine, metadata: SourceMetadata, ranges: OffsetRange[], transcript: boolean): void {
  let headline = line.text;
  const prefix = transcript ? null : headline.match(OUTLET_PREFIX); // in a transcript it names a speaker
  if (prefix && !/^(said|says|note|update|warning|editor)$/iu.test(prefix[1])) {
    metadata.outlet ??= prefix[1];
    ranges.push({ start: line.start, end: line.start + prefix[0].length });
    headline = headline.slice(prefix[0].length);
    // A scraper often glues the headline to the lead: "...betting on RussiaChina is striving".
    const glued = headline.match(/^(.{10,200}?[\p{Ll}\p{N}])(?=[\p{Lu}][\p{Ll}])/u);
    if (glued && !/[.!?]/u.test(glued[1])) headline = glued[1];
  }
  if (prefix || isHeadlineLike(headline)) metadata.title ??= headline.trim();
}

function isHeadlineLike(line: string): boolean {
  return line.length <= 160 && !/[.:;,]["”’]?$/u.test(line) && wordCount(line) >= 2;
}

function whole(line: TextLine): OffsetRange {
  return { start: line.start, end: line.end };
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}
