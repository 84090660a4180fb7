// A check reads the same source sentences for statement after statement of a draft: what is
// worked out from a passage-sized text is worked out once.
const ENTRIES = 4096;

/**
 * `scan(text)`, remembered by the text (the oldest entry goes when the cache is full). For
 * passage-sized texts; the value is shared, so callers must not change it.
 */
export function rememberedByText<T>(scan: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = scan(text);
      if (cache.size >= ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(text, value);
    }
    return value;
  };
}
