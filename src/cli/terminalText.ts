// Text bound for a terminal. Sources, file names and draft paths are anyone's bytes: escaped
// here, a control character or direction override can never clear the screen, recolour a CI log,
// move the cursor back over a line (a lone CR) or forge a line of output (a newline in a name).
// \p{Cc} is exactly C0, DEL and C1; then the bidi marks, embeddings, overrides and isolates.
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** `text` with each C0/C1 control and bidi mark or override written as a visible escape (`\x1B`, `\u202E`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** A message of one line: its own line breaks and tabs read as spaces, every other control escaped. */
export function terminalLine(text: string): string {
  return terminalSafe(text.replace(/[\t\n\r]+/gu, ' '));
}
