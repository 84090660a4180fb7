// A set of WordNet ids that also keeps one bit per member (its id mod 32): two words' links are
// intersected a dozen times for every pair of words compared, almost always to find nothing, and
// disjoint bits rule that out with one AND instead of a walk over the smaller set.
export class IdSet implements Iterable<number> {
  private readonly ids = new Set<number>();
  private bits = 0;

  get size(): number {
    return this.ids.size;
  }

  add(id: number): void {
    this.ids.add(id);
    this.bits |= 1 << (id & 31);
  }

  [Symbol.iterator](): Iterator<number> {
    return this.ids.values();
  }

  intersects(other: IdSet): boolean {
    if ((this.bits & other.bits) === 0) return false;
    const small = this.ids.size <= other.ids.size ? this.ids : other.ids;
    const large = small === this.ids ? other.ids : this.ids;
    for (const x of small) if (large.has(x)) return true;
    return false;
  }
}
