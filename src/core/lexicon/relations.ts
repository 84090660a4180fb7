// How two words are linked in WordNet, over all their senses: shared synsets, the broader or
// narrower term, part/whole (Berlin ~ Germany), antonyms (through an adjective's cluster head:
// huge ~ small), derivationally related forms (destroy ~ destruction) and pertainyms
// (German ~ Germany). Each word's links are gathered once into sets of synset and lemma ids,
// so comparing two words is a few set intersections (IdSet).
import { LEMMA_LINK, linkKind, linkTarget, SYNSET_LINK, type LexiconData } from './format';
import { IdSet } from './idSet';

export type WordNetRelation = 'synonym' | 'hypernym' | 'hyponym' | 'antonym' | 'derived' | 'pertainym' | 'part';

/** One word's WordNet neighbourhood, over all its base forms and senses. */
export interface WordLinks {
  lemmas: IdSet;
  synsets: IdSet;
  /** Its synsets and the heads of the adjective clusters they belong to. */
  clusters: IdSet;
  similar: IdSet;
  antonyms: IdSet;
  hypernyms: IdSet;
  parts: IdSet;
  derived: IdSet;
  pertainyms: IdSet;
}

interface IdSink {
  add(id: number): void;
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

  private synsetLinks(synset: number, kind: number, into: IdSink): void {
    const { synsetLinkOffsets: offsets, synsetLinkList: list } = this.data;
    for (let i = offsets[synset]; i < offsets[synset + 1]; i++) {
      if (linkKind(list[i]) === kind) into.add(linkTarget(list[i]));
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
      lemmas: new IdSet(), synsets: new IdSet(), clusters: new IdSet(), similar: new IdSet(), antonyms: new IdSet(),
      hypernyms: new IdSet(), parts: new IdSet(), derived: new IdSet(), pertainyms: new IdSet(),
    };
    // Each lemma's and synset's links are read in one pass that files them by kind.
    const lemmaSinks: IdSet[] = [];
    lemmaSinks[LEMMA_LINK.derived] = links.derived;
    lemmaSinks[LEMMA_LINK.pertainym] = links.pertainyms;
    const synsetSinks: IdSet[] = [];
    synsetSinks[SYNSET_LINK.similar] = links.similar;
    synsetSinks[SYNSET_LINK.hypernym] = links.hypernyms;
    synsetSinks[SYNSET_LINK.part] = links.parts;
    synsetSinks[SYNSET_LINK.antonym] = links.antonyms;
    const { senseOffsets, senseList, lemmaLinkOffsets, lemmaLinkList, synsetLinkOffsets, synsetLinkList } = this.data;
    for (const form of forms) {
      const id = this.lemmaId(form);
      if (id === undefined) continue;
      links.lemmas.add(id);
      for (let i = senseOffsets[id]; i < senseOffsets[id + 1]; i++) links.synsets.add(senseList[i]);
      for (let i = lemmaLinkOffsets[id]; i < lemmaLinkOffsets[id + 1]; i++) lemmaSinks[linkKind(lemmaLinkList[i])]?.add(linkTarget(lemmaLinkList[i]));
    }
    for (const s of links.synsets) {
      links.clusters.add(s);
      for (let i = synsetLinkOffsets[s]; i < synsetLinkOffsets[s + 1]; i++) synsetSinks[linkKind(synsetLinkList[i])]?.add(linkTarget(synsetLinkList[i]));
    }
    // The antonyms are those of every synset of the word's adjective clusters: its own (above) and their heads.
    for (const head of links.similar) {
      links.clusters.add(head);
      this.synsetLinks(head, SYNSET_LINK.antonym, links.antonyms);
    }
    return links;
  }

  /** Whether the words are opposites: antonyms, or in the clusters of two antonymous adjectives (huge ~ tiny). */
  antonymous(a: WordLinks, b: WordLinks): boolean {
    return a.antonyms.intersects(b.clusters);
  }

  /**
   * The strongest WordNet link from word a to word b other than antonymy (hypernym: b is a
   * broader term for a). Antonymy is asked of the words' main base forms only (antonymous()),
   * so a rare sense of an inflected form ("said" as in "the said house") does not oppose it.
   */
  relation(a: WordLinks, b: WordLinks): Exclude<WordNetRelation, 'antonym'> | undefined {
    if (a.synsets.intersects(b.synsets)) return 'synonym';
    // Adjectives in one cluster ("huge" is similar to "large") are near-synonyms.
    if (a.similar.intersects(b.synsets) || b.similar.intersects(a.synsets)) return 'synonym';
    if (a.pertainyms.intersects(b.lemmas) || b.pertainyms.intersects(a.lemmas)) return 'pertainym';
    if (a.derived.intersects(b.lemmas)) return 'derived';
    if (a.hypernyms.intersects(b.synsets)) return 'hypernym';
    if (b.hypernyms.intersects(a.synsets)) return 'hyponym';
    if (a.parts.intersects(b.synsets) || b.parts.intersects(a.synsets)) return 'part';
    return undefined;
  }
}
