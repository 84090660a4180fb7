// Transcripts: "Speaker: words" lines give each stretch of text its speaker.
import type { SpeakerTurn } from '../types';
import { isRegExpSpace } from '../text/spaces';

const timestamp = String.raw`[\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?[\])]?`;
const nameWord = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const particle = '(?:de|da|del|di|du|van|von|der|den|la|le|al|bin|ibn)';
const label = String.raw`${nameWord}(?:[ \t]+(?:${particle}[ \t]+)?(?:${nameWord}|\d{1,2})){0,3}`;
const bold = String.raw`(?:\*\*|__)?`;
const turnPattern = String.raw`[ \t]*(?:${timestamp}[ \t]*[-–]?[ \t]*)?${bold}(${label})${bold}(?:[ \t]*${timestamp})?[ \t]*${bold}:${bold}[ \t]+(?=\S)`;
/** [timestamp] **Speaker** [timestamp]: words */
const turnLine = new RegExp(`^${turnPattern}`, 'u');
/** turnLine at a line's start in the whole text (it never matches across a line break). */
const turnLineAt = new RegExp(turnPattern, 'uy');

// Labels that introduce metadata or boilerplate in articles, not a speaker.
const notSpeakers = new Set([
  'source', 'sources', 'author', 'authors', 'by', 'date', 'title', 'photo', 'photos', 'image', 'images', 'picture', 'video',
  'credit', 'credits', 'caption', 'updated', 'update', 'published', 'posted', 'note', 'notes', 'editor', "editor's note",
  'read more', 'read also', 'see also', 'related', 'tags', 'tag', 'category', 'subject', 're', 'fwd', 'to', 'from', 'cc',
  'location', 'time', 'warning', 'disclaimer', 'copyright', 'contact', 'email', 'tel', 'phone', 'website', 'url', 'link',
  'summary', 'keywords', 'correction', 'ps', 'nb', 'via', 'ref', 'reference', 'references', 'translation', 'translated',
]);

interface Line {
  start: number;
  end: number;
  /** Present when the line opens a turn. */
  speaker?: string;
  wordsStart?: number;
}

function titleCase(name: string): string {
  if (name !== name.toUpperCase() || name.replace(/[^\p{L}]/gu, '').length <= 1) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let match = pattern.exec(text); match && match.index < text.length; match = pattern.exec(text)) {
    const body = match[0].replace(/[\r\n]+$/, '');
    const line: Line = { start: match.index, end: match.index + body.length };
    const turn = turnLine.exec(body);
    if (turn && !notSpeakers.has(turn[1].toLowerCase().replace(/[’]/g, "'"))) {
      line.speaker = titleCase(turn[1]);
      line.wordsStart = match.index + turn[0].length;
    }
    lines.push(line);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return lines;
}

function isBlank(text: string, line: Line): boolean {
  return text.slice(line.start, line.end).trim().length === 0;
}

/** A heading or a rule ends a turn: the words after it are not the speaker's. */
function endsTurns(text: string, line: Line): boolean {
  return /^\s{0,3}(?:#{1,6}\s|([-*_])\s*\1\s*\1[\s\-*_]*$)/.test(text.slice(line.start, line.end));
}

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isRegExpSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Whether the line text[start, end) opens with a speaker's label (as splitLines decides, without building the line). */
function opensTurn(text: string, start: number, end: number): boolean {
  let first = start;
  while (first < end && (text.charCodeAt(first) === 0x20 || text.charCodeAt(first) === 0x09)) first++;
  const code = text.charCodeAt(first);
  // A label starts with a timestamp, bold marks or a capital letter.
  if (first >= end || (code < 0x80 && !(code >= 0x41 && code <= 0x5a) && !(code >= 0x30 && code <= 0x39) && code !== 0x5b && code !== 0x28 && code !== 0x2a && code !== 0x5f)) return false;
  turnLineAt.lastIndex = start;
  const turn = turnLineAt.exec(text);
  return turn !== null && !notSpeakers.has(turn[1].toLowerCase().replace(/[’]/g, "'"));
}

/**
 * Whether `text` is a transcript: most of its units open with a "Speaker:" label. Units are
 * turns plus paragraphs no label opens (continuation lines of a turn are not units). Counted line
 * by line without keeping the lines: a text of millions of short lines is read often (cleaning
 * asks first), and is almost never a transcript.
 */
export function isTranscript(text: string): boolean {
  let turns = 0;
  let stray = 0;
  let previousBlank = true;
  for (let start = 0; start < text.length; ) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    const blank = isBlankRange(text, start, end);
    if (!blank && opensTurn(text, start, end)) turns++;
    else if (!blank && previousBlank) stray++;
    previousBlank = blank;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  return turns >= 3 && turns >= (turns + stray) * 0.6;
}

/**
 * Speaker turns of a transcript, or [] when `text` is not one. A text counts as a transcript when
 * most of its paragraphs open with a "Speaker:" label, so an article with a stray "Source: X" line
 * is left alone. A turn runs from the words after the label to the next label, heading or rule.
 */
export function detectTurns(text: string): SpeakerTurn[] {
  if (!isTranscript(text)) return [];
  const lines = splitLines(text);

  const result: SpeakerTurn[] = [];
  let open: SpeakerTurn | undefined;
  for (const line of lines) {
    if (line.speaker) {
      open = { speaker: line.speaker, start: line.wordsStart!, end: line.end };
      result.push(open);
    } else if (open && endsTurns(text, line)) {
      open = undefined;
    } else if (open && !isBlank(text, line)) {
      open.end = line.end;
    }
  }
  for (const turn of result) turn.end = turn.start + text.slice(turn.start, turn.end).trimEnd().length;
  return result.filter((turn) => turn.end > turn.start);
}
