// Bounded line-end search. `indexOf('\n', from)` looks to the end of the text, so asking it once
// per quote or per segment of one long line made whole passes quadratic (a 3 MB line of quotes
// took minutes).

/** The first '\n' in text[from, to), or -1. */
export function newlineWithin(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return i;
  return -1;
}
