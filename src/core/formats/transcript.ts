// Transcripts: "Speaker: words" lines give each stretch of text its speaker.
import type { SpeakerTurn } from '../types';

const timestamp = String.raw`[\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?[\])]?`;
const nameWord = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const particle = '(?:de|da|del|di|du|van|von|der|den|la|le|al|bin|ibn)';
const label = String.raw`${nameWord}(?:[ \t]+(?:${particle}[ \t]+)?(?:${nameWord}|\d{1,2})){0,3}`;
const bold = String.raw`(?:\*\*|__)?`;
/** [timestamp] **Speaker** [timestamp]: words */
const turnLine = new RegExp(
  String.raw`^[ \t]*(?:${timestamp}[ \t]*[-–]?[ \t]*)?${bold}(${label})${bold}(?:[ \t]*${timestamp})?[ \t]*${bold}:${bold}[ \t]+(?=\S)`,
  'u',
);

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

/**
 * Speaker turns of a transcript, or [] when `text` is not one. A text counts as a transcript when
 * most of its paragraphs open with a "Speaker:" label, so an article with a stray "Source: X" line
 * is left alone. A turn runs from the words after the label to the next label, heading or rule.
 */
export function detectTurns(text: string): SpeakerTurn[] {
  const lines = splitLines(text);
  // Units: turns, plus paragraphs no label opens (continuation lines of a turn are not units).
  let turns = 0;
  let stray = 0;
  lines.forEach((line, i) => {
    if (line.speaker) turns++;
    else if (!isBlank(text, line) && (i === 0 || isBlank(text, lines[i - 1]))) stray++;
  });
  if (turns < 3 || turns < (turns + stray) * 0.6) return [];

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
