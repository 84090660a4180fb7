// Character-level normalization shared by indexing, quote alignment and checking, so that
// curly and straight marks, dashes, accents and case never decide whether two texts match.

const SINGLE_MARKS = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_MARKS = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Lowercase, accents stripped, typographic quotes and dashes made ASCII. */
export function foldText(text: string): string {
  if (isPlainAscii(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(SINGLE_MARKS, "'")
    .replace(DOUBLE_MARKS, '"')
    .replace(DASHES, '-')
    .toLowerCase();
}

/** ASCII without the backtick: nothing but case for foldText to change (most words are such). */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 || code === 0x60) return false;
  }
  return true;
}
