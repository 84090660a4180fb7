/** A growable list of 32-bit integers in one typed array: compact, and cheap to serialize. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 16) {
    this.data = new Int32Array(capacity);
  }

  /** A full list over existing memory (no copy); it moves to its own array when it grows. */
  static view(values: Int32Array): IntList {
    const list = new IntList(0);
    list.data = values;
    list.length = values.length;
    return list;
  }

  push(a: number, b?: number): void {
    const needed = this.length + (b === undefined ? 1 : 2);
    if (needed > this.data.length) {
      const grown = new Int32Array(Math.max(needed, this.data.length * 2, 4));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data[this.length++] = a;
    if (b !== undefined) this.data[this.length++] = b;
  }

  /** Replaces the contents with a copy of `values`. */
  setAll(values: ArrayLike<number>): void {
    this.data = Int32Array.from(values);
    this.length = values.length;
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }

  /** Keeps the (first, second) pairs whose first value passes `keep`, in order. */
  filterPairs(keep: (first: number) => boolean): void {
    let out = 0;
    for (let i = 0; i < this.length; i += 2) {
      if (!keep(this.data[i])) continue;
      this.data[out++] = this.data[i];
      this.data[out++] = this.data[i + 1];
    }
    this.length = out;
  }
}
