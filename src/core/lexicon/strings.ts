// A sorted list of strings kept as the file stores it (one UTF-8 blob and the offset of each
// string), searched by binary search over the bytes: loading builds no Map and no string.
export class SortedStrings {
  constructor(
    private readonly text: Buffer,
    private readonly offsets: Uint32Array,
  ) {}

  get size(): number {
    return this.offsets.length - 1;
  }

  at(index: number): string {
    return this.text.toString('utf8', this.offsets[index], this.offsets[index + 1]);
  }

  /** The index of the string, or undefined. */
  indexOf(value: string): number | undefined {
    const key = Buffer.from(value);
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = this.text.compare(key, 0, key.length, this.offsets[mid], this.offsets[mid + 1]);
      if (order === 0) return mid;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }
}
