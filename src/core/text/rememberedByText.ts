// A check reads the same source sentences for statement after statement of a draft: what is
// worked out from a passage-sized text is worked out once.
export const REMEMBERED_TEXTS = 4096;

/**
 * `scan(text)`, remembered by the text (the oldest entry goes when the cache is full). For
 * passage-sized texts; the value is shared, so callers must not change it.
 */
export function rememberedByText<T>(scan: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  // The texts in the order they came, in a ring: the oldest is the one a new text overwrites. (A
  // Map's first key is found by skipping the entries deleted before it, thousands of them in a
  // full cache: a long draft spent a tenth of its check there.)
  const order: string[] = [];
  let next = 0;
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = scan(text);
      if (order.length < REMEMBERED_TEXTS) order.push(text);
      else {
        cache.delete(order[next]);
        order[next] = text;
        next = (next + 1) % REMEMBERED_TEXTS;
      }
      cache.set(text, value);
    }
    return value;
  };
}
