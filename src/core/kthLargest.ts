// Ranking keeps only the best few of tens of thousands of scored items: a threshold found in
// linear time lets the rest be dropped before sorting.

/** The k-th largest value (1-based), by quickselect; reorders `values`. */
export function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = Math.min(k, values.length) - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const swapped = values[i];
        values[i] = values[j];
        values[j] = swapped;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target];
}

/** The `limit` items with the highest scores, best first; equal scores keep their order, as a stable sort leaves them. */
export function bestByScore<T extends { score: number }>(items: readonly T[], limit: number): T[] {
  const best: T[] = [];
  for (const item of items) {
    let at = best.length;
    while (at > 0 && item.score > best[at - 1].score) at--;
    if (at >= limit) continue;
    if (best.length < limit) best.push(item);
    for (let i = best.length - 1; i > at; i--) best[i] = best[i - 1];
    best[at] = item;
  }
  return best;
}
