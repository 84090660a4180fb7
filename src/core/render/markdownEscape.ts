// Source text is untrusted: everything shown in a Markdown card goes through here first.

// Control characters and bidirectional overrides can disguise text; they are dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Every ASCII punctuation character may be backslash-escaped in CommonMark. Escaping all of
// them (including ':', '.', '@') also defeats GFM autolinks such as https://..., www. and emails.
const MARKDOWN_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Removes invisible and direction-changing characters and folds whitespace runs into one space. */
export function cleanText(text: string): string {
  return withoutInvisible(text).replace(/\s+/g, ' ');
}

/** Removes invisible and direction-changing characters, keeping line breaks and tabs. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Makes arbitrary text render literally in Markdown: no links, HTML, emphasis or commands. */
export function escapeMarkdown(text: string): string {
  return cleanText(text).replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`);
}
