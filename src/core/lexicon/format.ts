// Reads lexicon.bin, the compact language data that scripts/build/lexicon.js writes:
// "SRCLEX1\n", a uint32 header length, a JSON header naming each section's [offset, length]
// (offsets count from the end of the header, 4-byte aligned), then the sections themselves.
// Typed arrays and sorted string tables view the file's bytes in place: loading copies nothing.
import { SortedStrings } from './strings';

const MAGIC = 'SRCLEX1\n';

// Link kinds, as the build script numbers them (kind * 2^24 + target in each list entry).
export const SYNSET_LINK = { hypernym: 1, part: 2, similar: 3, antonym: 4 } as const;
export const LEMMA_LINK = { derived: 1, pertainym: 2 } as const;
export const POS_BIT = { noun: 1, verb: 2, adjective: 4, adverb: 8 } as const;
const LINK_SHIFT = 2 ** 24;

/** A list entry's kind and target (entries are uint32, so bit operations read them exactly). */
export const linkKind = (entry: number): number => entry >>> 24;
export const linkTarget = (entry: number): number => entry & (LINK_SHIFT - 1);

export interface LexiconData {
  dims: number;
  /** Synsets 0 .. nounSynsets-1 are nouns. */
  nounSynsets: number;
  /** Words with vectors, sorted; vectorRows gives each one's row of the vector matrix. */
  vectorWords: SortedStrings;
  vectorRows: Uint32Array;
  vectors: Int8Array;
  vectorInvNorms: Float32Array;
  /** WordNet lemmas (lower case, spaces between words), sorted; a lemma's id is its index. */
  lemmas: SortedStrings;
  lemmaPos: Uint8Array;
  senseOffsets: Uint32Array;
  senseList: Uint32Array;
  synsetLinkOffsets: Uint32Array;
  synsetLinkList: Uint32Array;
  lemmaLinkOffsets: Uint32Array;
  lemmaLinkList: Uint32Array;
  /** WordNet's irregular forms per part of speech: inflected form -> its base forms. */
  exceptions: Record<'verb' | 'noun' | 'adjective', Exceptions>;
}

export class Exceptions {
  constructor(
    private readonly keys: SortedStrings,
    private readonly values: SortedStrings,
  ) {}

  get(word: string): string[] | undefined {
    const at = this.keys.indexOf(word);
    return at === undefined ? undefined : this.values.at(at).split(' ');
  }
}

type Sections = Record<string, [number, number]>;

export function parseLexicon(file: Uint8Array): LexiconData {
  // Typed-array views need 4-byte alignment; a pooled small Buffer may not have it.
  const aligned = file.byteOffset % 4 === 0 ? file : Uint8Array.from(file);
  const buffer = Buffer.from(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  if (buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a Sourced lexicon file');
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  const header = JSON.parse(buffer.toString('utf8', start, start + headerLength)) as { dims: number; nounSynsets: number; sections: Sections };
  const base = start + headerLength;
  const section = (name: string) => {
    const range = header.sections[name];
    if (!range) throw new Error(`lexicon file has no ${name} section`);
    return [buffer.byteOffset + base + range[0], range[1]] as const;
  };
  const bytes = (name: string) => {
    const [at, length] = section(name);
    return Buffer.from(buffer.buffer, at, length);
  };
  const u32 = (name: string) => {
    const [at, length] = section(name);
    return new Uint32Array(buffer.buffer, at, length / 4);
  };
  const strings = (name: string) => new SortedStrings(bytes(`${name}Text`), u32(`${name}Offsets`));
  const exceptions = (pos: string) => new Exceptions(strings(`${pos}ExceptionKeys`), strings(`${pos}ExceptionValues`));
  const [vectorsAt, vectorsLength] = section('vectors');
  const [normsAt, normsLength] = section('vectorInvNorms');
  const [posAt, posLength] = section('lemmaPos');
  return {
    dims: header.dims,
    nounSynsets: header.nounSynsets,
    vectorWords: strings('vectorWords'),
    vectorRows: u32('vectorRows'),
    vectors: new Int8Array(buffer.buffer, vectorsAt, vectorsLength),
    vectorInvNorms: new Float32Array(buffer.buffer, normsAt, normsLength / 4),
    lemmas: strings('lemmas'),
    lemmaPos: new Uint8Array(buffer.buffer, posAt, posLength),
    senseOffsets: u32('senseOffsets'),
    senseList: u32('senseList'),
    synsetLinkOffsets: u32('synsetLinkOffsets'),
    synsetLinkList: u32('synsetLinkList'),
    lemmaLinkOffsets: u32('lemmaLinkOffsets'),
    lemmaLinkList: u32('lemmaLinkList'),
    exceptions: { verb: exceptions('verb'), noun: exceptions('noun'), adjective: exceptions('adjective') },
  };
}
