import * as path from 'path';
import { pageLabel, pageOfOffset } from '../formats/pages';
import type { Passage, SourceDocument } from '../types';
import { footnoteKeyFor } from './footnoteKey';
import { definitionForSource, footnoteDefinitions, usedFootnoteKeys } from './footnotes';
import { sourceLines } from './sourceLines';

export type CitationStyle = 'footnote' | 'link' | 'pandoc';

export interface TextInsertion {
  offset: number;
  text: string;
}

export interface CitationPlan {
  /** What goes right after the cited words. */
  inline: string;
  /** A footnote definition appended to the draft, when the source has none yet. */
  definition?: TextInsertion;
}

export interface CitationRequest {
  markdown: string;
  doc: SourceDocument;
  passage: Passage;
  style: CitationStyle;
  /** Absolute path of the draft, to make link citations relative; absent for unsaved drafts. */
  draftPath?: string;
}

/** 1-based line of the passage in its source, as used in `#L12` links. */
export function passageLine(doc: SourceDocument, passage: Passage): number {
  return sourceLines(doc).positionAt(passage.start).line + 1;
}

/** Plain-text reference to a source, e.g. "Title. Outlet, Author, date." */
export function referenceText(doc: SourceDocument): string {
  const { title, outlet, author, date } = doc.metadata;
  const head = title?.trim() || (doc.id.split('/').pop() ?? doc.id);
  const rest = [outlet, author, date].filter((p): p is string => !!p && p.trim().length > 0);
  return `${head.replace(/[.\s]+$/, '')}.${rest.length ? ` ${rest.join(', ')}.` : ''}`;
}

/** A link target for the source at the passage's line: its URL when it has one, else the file. */
export function sourceLink(doc: SourceDocument, passage: Passage, draftPath?: string): string {
  if (doc.metadata.url) return doc.metadata.url;
  const target = draftPath ? path.relative(path.dirname(draftPath), doc.path).split(path.sep).join('/') : doc.path.split(path.sep).join('/');
  // PDF viewers open `#page=N`; line numbers of the extracted text mean nothing in the PDF.
  const page = pageOfOffset(doc, passage.start);
  return `${encodeURI(target)}#${page === undefined ? `L${passageLine(doc, passage)}` : `page=${page}`}`;
}

// Brackets in a reference would end the link text or footnote early.
function inert(text: string): string {
  return text.replace(/[[\]<>]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
}

/** Appending at the end of the draft: footnote definitions go in one block after the text. */
function definitionInsertion(markdown: string, line: string): TextInsertion {
  const trimmedEnd = markdown.replace(/\s+$/, '');
  const lastLine = trimmedEnd.slice(trimmedEnd.lastIndexOf('\n') + 1);
  const joinsBlock = /^ {0,3}\[\^[^\]]+\]:/.test(lastLine);
  const lead = markdown.length === 0 ? '' : markdown.endsWith('\n') ? (joinsBlock ? '' : '\n') : joinsBlock ? '\n' : '\n\n';
  return { offset: markdown.length, text: `${lead}${line}\n` };
}

/** How to cite `passage` in the draft in the given style; reuses the source's footnote. */
export function planCitation(request: CitationRequest): CitationPlan {
  const { markdown, doc, passage, style } = request;
  const page = pageLabel(doc, passage.start);
  if (style === 'link') return { inline: ` ([${inert(referenceText(doc))}${page ? ` ${page}` : ''}](<${sourceLink(doc, passage, request.draftPath)}>))` };
  const existing = definitionForSource(footnoteDefinitions(markdown), doc);
  const key = existing?.key ?? footnoteKeyFor(doc, usedFootnoteKeys(markdown));
  if (style === 'pandoc') return { inline: ` [@${key}${page ? `, ${page}` : ''}]` };
  if (existing) return { inline: `[^${key}]` };
  // The id is a file name, and a file name like `a>[x](command:...)` must not become a link in the draft.
  const line = `[^${key}]: ${inert(referenceText(doc))} <${inert(doc.id)}>`;
  return { inline: `[^${key}]`, definition: definitionInsertion(markdown, line) };
}
