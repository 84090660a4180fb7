// A sorted list of distinct strings kept as the file stores it (one UTF-8 blob and the offset of each
// string): loading builds no Map and no string. A word's first analysis looks up a dozen
// spellings (its forms, rules, vectors); a binary search of 100,000 strings reads ~17 places
// scattered over megabytes, so the first search builds a hash table of the strings' positions
// (~4 bytes a slot, twice the strings) and each lookup reads one or two places.
export class SortedStrings {
  /** Open addressing: each slot holds a string's index + 1, or 0 when empty. */
  private slots: Uint32Array | undefined;

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
    // The key is encoded once and compared in place, without a native call per slot.
    if (scratch.length < value.length * 3) scratch = new Uint8Array(value.length * 3);
    const keyLength = encoder.encodeInto(value, scratch).written;
    this.slots ??= this.hashTable();
    const slots = this.slots;
    const mask = slots.length - 1;
    const { text, offsets } = this;
    for (let slot = hash(scratch, 0, keyLength) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const index = slots[slot] - 1;
      const start = offsets[index];
      if (offsets[index + 1] - start !== keyLength) continue;
      let i = 0;
      while (i < keyLength && text[start + i] === scratch[i]) i++;
      if (i === keyLength) return index;
    }
    return undefined;
  }

  private hashTable(): Uint32Array {
    const { text, offsets, size } = this;
    let length = 1;
    while (length < size * 2) length *= 2;
    const slots = new Uint32Array(length);
    for (let index = 0; index < size; index++) {
      let slot = hash(text, offsets[index], offsets[index + 1]) & (length - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (length - 1);
      slots[slot] = index + 1;
    }
    return slots;
  }
}

/** FNV-1a of bytes[from, to). */
function hash(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);
