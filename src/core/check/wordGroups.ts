import { normalizeWord, termOf } from '../search/tokenize';

/** Each word's form as the index compares it: the stem, or the folded word for stop words ("more"). */
export function formOf(word: string): string {
  const norm = normalizeWord(word);
  return termOf(norm) ?? norm;
}

/**
 * One group of interchangeable words a line -> every word's form to the forms of its group (or
 * groups). A word marked "+" only evidences its group ("a record" for "rose"); it calls for none.
 */
export function buildWordGroups(lines: string): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const line of lines.split('\n').filter((l) => l.trim())) {
    const words = line.trim().split(/\s+/);
    const forms = words.map((word) => formOf(word.replace(/^\+/, '')));
    words.forEach((word, i) => {
      if (word.startsWith('+')) return;
      const same = groups.get(forms[i]) ?? new Set<string>();
      for (const f of forms) same.add(f);
      groups.set(forms[i], same);
    });
  }
  return groups;
}

/** Whether the passage uses the term or a word of its group. */
export function saidInGroup(groups: ReadonlyMap<string, ReadonlySet<string>>, term: string, passageForms: { has(form: string): boolean }): boolean {
  return [...(groups.get(term) ?? [])].some((form) => passageForms.has(form));
}
