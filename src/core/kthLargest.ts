// Ranking keeps only the best few of tens of thousands of scored items: each is compared once with
// the worst of those kept so far (or a threshold is found in linear time), never sorted with the rest.

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

/**
 * Indices of the `limit` highest of the first `count` scores, best first; equal scores keep their
 * order, as a stable sort leaves them. (Scores come in a Float64Array only: one array layout keeps
 * the compiled loop from being thrown away.)
 */
export function bestIndices(scores: Float64Array, limit: number, count = scores.length): number[] {
  const best: number[] = [];
  for (let i = 0; i < count; i++) {
    const score = scores[i];
    let at = best.length;
    while (at > 0 && score > scores[best[at - 1]]) at--;
    if (at >= limit) continue;
    if (best.length < limit) best.push(i);
    for (let k = best.length - 1; k > at; k--) best[k] = best[k - 1];
    best[at] = i;
  }
  return best;
}
