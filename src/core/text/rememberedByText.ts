// A check reads the same source sentences for statement after statement of a draft: what is
// worked out from a passage-sized text is worked out once.
export const REMEMBERED_TEXTS = 4096;

/**
 * `scan(text)`, remembered by the text (the oldest entry goes when the cache is full). For
 * passage-sized texts; the value is shared, so callers must not change it.
 */
export function rememberedByText<T>(scan: (text: string) => T): (text: string) => T {
  // (Keyed by undefined too, for the ring's empty slots below: no text is, and deleting it deletes nothing.)
  const cache = new Map<string | undefined, T>();
  // The texts in the order they came, in a ring: the oldest is the one a new text overwrites. (A
  // Map's first key is found by skipping the entries deleted before it, thousands of them in a
  // full cache: a long draft spent a tenth of its check there.) The ring starts full of nothing to
  // forget, so the first texts and those after thousands take the same steps: a step first taken
  // late would throw away the code its callers were compiled to.
  const order: Array<string | undefined> = new Array(REMEMBERED_TEXTS).fill(undefined);
  let next = 0;
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = scan(text);
      cache.delete(order[next]);
      order[next] = text;
      next = (next + 1) % REMEMBERED_TEXTS;
      cache.set(text, value);
    }
    return value;
  };
}
