// How two words are linked in WordNet, over all their senses: shared synsets, the broader or
// narrower term, part/whole (Berlin ~ Germany), antonyms (through an adjective's cluster head:
// huge ~ small), derivationally related forms (destroy ~ destruction) and pertainyms
// (German ~ Germany). Each word's links are gathered once into sets of synset and lemma ids,
// so comparing two words is a few set intersections.
import { LEMMA_LINK, LINK_SHIFT, SYNSET_LINK, type LexiconData } from './format';

export type WordNetRelation = 'synonym' | 'hypernym' | 'hyponym' | 'antonym' | 'derived' | 'pertainym' | 'part';

/** One word's WordNet neighbourhood, over all its base forms and senses. */
export interface WordLinks {
  lemmas: Set<number>;
  synsets: Set<number>;
  /** Its synsets and the heads of the adjective clusters they belong to. */
  clusters: Set<number>;
  similar: Set<number>;
  antonyms: Set<number>;
  hypernyms: Set<number>;
  parts: Set<number>;
  derived: Set<number>;
  pertainyms: Set<number>;
}

// Asked a dozen times for every pair of words compared, most often of an empty set.
function intersects(a: Set<number>, b: Set<number>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

export class WordNetRelations {
  constructor(private readonly data: LexiconData) {}

  lemmaId(word: string): number | undefined {
    return this.data.lemmas.indexOf(word);
  }

  posBits(word: string): number {
    const id = this.lemmaId(word);
    return id === undefined ? 0 : this.data.lemmaPos[id];
  }

  private synsetLinks(synset: number, kind: number, into: Set<number>): void {
    const { synsetLinkOffsets: offsets, synsetLinkList: list } = this.data;
    for (let i = offsets[synset]; i < offsets[synset + 1]; i++) {
      if (Math.floor(list[i] / LINK_SHIFT) === kind) into.add(list[i] % LINK_SHIFT);
    }
  }

  private lemmaLinks(lemma: number, kind: number, into: Set<number>): void {
    const { lemmaLinkOffsets: offsets, lemmaLinkList: list } = this.data;
    for (let i = offsets[lemma]; i < offsets[lemma + 1]; i++) {
      if (Math.floor(list[i] / LINK_SHIFT) === kind) into.add(list[i] % LINK_SHIFT);
    }
  }

  /** The first `count` noun senses of a lemma, most frequent first. */
  nounSenses(lemma: string, count: number): number[] {
    const id = this.lemmaId(lemma);
    if (id === undefined) return [];
    const found: number[] = [];
    for (let i = this.data.senseOffsets[id]; i < this.data.senseOffsets[id + 1] && found.length < count; i++) {
      if (this.data.senseList[i] < this.data.nounSynsets) found.push(this.data.senseList[i]);
    }
    return found;
  }

  /** Whether a synset reaches one of the targets by broader terms (instances included). */
  reaches(synset: number, targets: ReadonlySet<number>): boolean {
    const seen = new Set<number>([synset]);
    let frontier = [synset];
    while (frontier.length > 0) {
      if (frontier.some((s) => targets.has(s))) return true;
      const next = new Set<number>();
      for (const s of frontier) this.synsetLinks(s, SYNSET_LINK.hypernym, next);
      frontier = [...next].filter((s) => !seen.has(s));
      for (const s of frontier) seen.add(s);
    }
    return false;
  }

  /** The links of a word given its base forms (WordNet lemmas). */
  links(forms: readonly string[]): WordLinks {
    const links: WordLinks = {
      lemmas: new Set(), synsets: new Set(), clusters: new Set(), similar: new Set(), antonyms: new Set(),
      hypernyms: new Set(), parts: new Set(), derived: new Set(), pertainyms: new Set(),
    };
    for (const form of forms) {
      const id = this.lemmaId(form);
      if (id === undefined) continue;
      links.lemmas.add(id);
      for (let i = this.data.senseOffsets[id]; i < this.data.senseOffsets[id + 1]; i++) links.synsets.add(this.data.senseList[i]);
      this.lemmaLinks(id, LEMMA_LINK.derived, links.derived);
      this.lemmaLinks(id, LEMMA_LINK.pertainym, links.pertainyms);
    }
    for (const s of links.synsets) {
      this.synsetLinks(s, SYNSET_LINK.similar, links.similar);
      this.synsetLinks(s, SYNSET_LINK.hypernym, links.hypernyms);
      this.synsetLinks(s, SYNSET_LINK.part, links.parts);
      links.clusters.add(s);
    }
    for (const head of links.similar) links.clusters.add(head);
    for (const s of links.clusters) this.synsetLinks(s, SYNSET_LINK.antonym, links.antonyms);
    return links;
  }

  /** Whether the words are opposites: antonyms, or in the clusters of two antonymous adjectives (huge ~ tiny). */
  antonymous(a: WordLinks, b: WordLinks): boolean {
    return intersects(a.antonyms, b.clusters);
  }

  /**
   * The strongest WordNet link from word a to word b other than antonymy (hypernym: b is a
   * broader term for a). Antonymy is asked of the words' main base forms only (antonymous()),
   * so a rare sense of an inflected form ("said" as in "the said house") does not oppose it.
   */
  relation(a: WordLinks, b: WordLinks): Exclude<WordNetRelation, 'antonym'> | undefined {
    if (intersects(a.synsets, b.synsets)) return 'synonym';
    // Adjectives in one cluster ("huge" is similar to "large") are near-synonyms.
    if (intersects(a.similar, b.synsets) || intersects(b.similar, a.synsets)) return 'synonym';
    if (intersects(a.pertainyms, b.lemmas) || intersects(b.pertainyms, a.lemmas)) return 'pertainym';
    if (intersects(a.derived, b.lemmas)) return 'derived';
    if (intersects(a.hypernyms, b.synsets)) return 'hypernym';
    if (intersects(b.hypernyms, a.synsets)) return 'hyponym';
    if (intersects(a.parts, b.synsets) || intersects(b.parts, a.synsets)) return 'part';
    return undefined;
  }
}
