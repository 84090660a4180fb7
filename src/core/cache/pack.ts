// A binary container for large state: one JSON part for structure, plus named typed arrays
// stored raw (8-byte aligned), so loading them is a view over the bytes instead of a parse.

export type PackedArray = Int32Array | Uint8Array | Float64Array;

type ArrayKind = 'i32' | 'u8' | 'f64';

interface Directory {
  json: unknown;
  arrays: Record<string, { kind: ArrayKind; offset: number; length: number }>;
}

export interface Pack {
  json: unknown;
  arrays: Record<string, PackedArray>;
}

const ALIGN = 8;

function kindOf(array: PackedArray): ArrayKind {
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint8Array) return 'u8';
  return 'f64';
}

const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

export function encodePack(pack: Pack): Uint8Array {
  const directory: Directory = { json: pack.json, arrays: {} };
  let offset = 0;
  for (const [name, array] of Object.entries(pack.arrays)) {
    directory.arrays[name] = { kind: kindOf(array), offset, length: array.length };
    offset = align(offset + array.byteLength);
  }
  const head = Buffer.from(JSON.stringify(directory), 'utf8');
  const bodyStart = align(4 + head.length);
  const bytes = new Uint8Array(bodyStart + offset);
  new DataView(bytes.buffer).setUint32(0, head.length, true);
  bytes.set(head, 4);
  for (const [name, array] of Object.entries(pack.arrays)) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), bodyStart + directory.arrays[name].offset);
  }
  return bytes;
}

/** Reads a pack; arrays are views over `bytes` when aligned (copied otherwise). Throws on malformed input. */
export function decodePack(bytes: Uint8Array): Pack {
  if (bytes.length < 4) throw new Error('pack too short');
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + headLength > bytes.length) throw new Error('pack header out of range');
  const directory = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 4, headLength).toString('utf8')) as Directory;
  const bodyStart = align(4 + headLength);
  const arrays: Record<string, PackedArray> = {};
  for (const [name, { kind, offset, length }] of Object.entries(directory.arrays)) {
    const width = kind === 'i32' ? 4 : kind === 'u8' ? 1 : 8;
    const start = bytes.byteOffset + bodyStart + offset;
    if (bodyStart + offset + length * width > bytes.length) throw new Error(`pack array ${name} out of range`);
    const aligned = start % width === 0;
    // Copy when misaligned (a Buffer's slice() shares memory, so copy explicitly).
    const source = aligned ? bytes.buffer : new Uint8Array(bytes.subarray(bodyStart + offset, bodyStart + offset + length * width)).buffer;
    const at = aligned ? start : 0;
    arrays[name] = kind === 'i32' ? new Int32Array(source, at, length) : kind === 'u8' ? new Uint8Array(source, at, length) : new Float64Array(source, at, length);
  }
  return { json: directory.json, arrays };
}
