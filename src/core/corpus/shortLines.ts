// What the cleaning rules say of a short line, remembered by its text: a source of millions of
// short lines ("x", "Tags") repeats a few texts, and each of its lines was put to a dozen patterns.

/** Lines longer than this are tested each time (a long line rarely repeats). */
const MAX_LENGTH = 40;
/** Distinct short texts remembered at most. */
const MAX_TEXTS = 4096;

/** `answer`, remembered for up to MAX_TEXTS short texts. */
export function rememberedForShortLines<T>(answer: (line: string) => T): (line: string) => T {
  const answers = new Map<string, T>();
  return (line) => {
    if (line.length > MAX_LENGTH) return answer(line);
    if (answers.has(line)) return answers.get(line) as T;
    const value = answer(line);
    if (answers.size < MAX_TEXTS) answers.set(line, value);
    return value;
  };
}
