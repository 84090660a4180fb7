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
    // A word is looked up dozens of times as it is first analysed (its forms, rules, vectors):
    // the key is encoded once and compared in place, without a native call per step.
    if (scratch.length < value.length * 3) scratch = new Uint8Array(value.length * 3);
    const keyLength = encoder.encodeInto(value, scratch).written;
    const { text, offsets } = this;
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const start = offsets[mid];
      const length = offsets[mid + 1] - start;
      const shorter = Math.min(length, keyLength);
      let order = 0;
      for (let i = 0; i < shorter && order === 0; i++) order = text[start + i] - scratch[i];
      if (order === 0) order = length - keyLength;
      if (order === 0) return mid;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);
