import type { SourceDocument } from '../types';

export interface FootnoteDefinition {
  key: string;
  text: string;
  /** Offsets of the whole definition line in the draft. */
  start: number;
  end: number;
}

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm;

/** The footnote definitions (`[^key]: text`) in a Markdown draft. */
export function footnoteDefinitions(markdown: string): FootnoteDefinition[] {
  return [...markdown.matchAll(DEFINITION)].map((m) => ({
    key: m[1],
    text: m[2],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** Every footnote key used or defined in the draft, so a new key never collides. */
export function usedFootnoteKeys(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => m[1]));
}

/** The definition Sourced wrote earlier for this source: the same text it would write now, or (older drafts) one naming the source's id. */
export function definitionForSource(definitions: readonly FootnoteDefinition[], doc: SourceDocument, body: string): FootnoteDefinition | undefined {
  return definitions.find((d) => {
    if (d.text.trim() === body) return true;
    const text = d.text.replace(/\\([[\]<>])/g, '$1'); // ids are written with these escaped
    return text.includes(`<${doc.id}>`) || text.includes(`(${doc.id})`) || text.endsWith(doc.id);
  });
}
