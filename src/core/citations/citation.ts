import * as path from 'path';
import { pageLabel, pageOfOffset } from '../formats/pages';
import type { Passage, SourceDocument } from '../types';
import { footnoteKeyFor } from './footnoteKey';
import { definitionForSource, footnoteDefinitions, usedFootnoteKeys } from './footnotes';
import { sourceTitle } from '../text/documentTitle';
import { sourceLines } from './sourceLines';
import { pathInside } from './sourcePlace';

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

/** Where the writer works: decides whether a citation may name the source's file. */
export interface CitationPlace {
  /** Absolute path of the workspace folder; a source outside it (or with no folder open) is cited without its path. */
  workspaceFolder?: string;
  /** Absolute path of the draft, to make links relative to it; absent for unsaved drafts. */
  draftPath?: string;
}

export interface CitationRequest extends CitationPlace {
  markdown: string;
  doc: SourceDocument;
  passage: Passage;
  style: CitationStyle;
}

/** 1-based line of the passage in its source, as used in `#L12` links. */
export function passageLine(doc: SourceDocument, passage: Passage): number {
  return sourceLines(doc).positionAt(passage.start).line + 1;
}

/** Plain-text reference to a source, e.g. "Title. Outlet, Author, date."; an untitled source by its opening words. */
export function referenceText(doc: SourceDocument): string {
  const { outlet, author, date } = doc.metadata;
  const head = sourceTitle(doc) ?? 'Untitled source';
  const rest = [outlet, author, date].filter((p): p is string => !!p && p.trim().length > 0);
  const trimmed = head.replace(/[.\s]+$/, '');
  // A lede cut short ends in "…", and a question title in "?": neither takes a full stop.
  return `${trimmed}${/[…?!]$/.test(trimmed) ? '' : '.'}${rest.length ? ` ${rest.join(', ')}.` : ''}`;
}

/**
 * Where a citation points: the source's URL, else its file relative to the draft (or to the
 * workspace folder for an unsaved draft or one outside it), and only when the file lies inside
 * the workspace folder. Undefined when nothing may be named.
 */
export function sourceLocation(doc: SourceDocument, place: CitationPlace): string | undefined {
  if (doc.metadata.url) return doc.metadata.url;
  const inWorkspace = pathInside(place.workspaceFolder, doc.path);
  if (inWorkspace === undefined) return undefined;
  const draftInWorkspace = place.draftPath !== undefined && pathInside(place.workspaceFolder, place.draftPath) !== undefined;
  return draftInWorkspace ? path.relative(path.dirname(place.draftPath!), doc.path).split(path.sep).join('/') : inWorkspace;
}

/** A link target for the source at the passage's line, or undefined for a source outside the workspace with no URL. */
export function sourceLink(doc: SourceDocument, passage: Passage, place: CitationPlace): string | undefined {
  const location = sourceLocation(doc, place);
  if (location === undefined || doc.metadata.url) return location;
  // PDF viewers open `#page=N`; line numbers of the extracted text mean nothing in the PDF.
  const page = pageOfOffset(doc, passage.start);
  return `${encodeURI(location)}#${page === undefined ? `L${passageLine(doc, passage)}` : `page=${page}`}`;
}

/** The whole citation as plain text, as the Related Passages "copy" button gives it. */
export function citationText(doc: SourceDocument, passage: Passage, place: CitationPlace): string {
  const link = sourceLink(doc, passage, place);
  return link ? `${referenceText(doc)} ${link}` : referenceText(doc);
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

/** The text of a footnote definition for the source: its reference, and its URL or workspace path when it may be named. */
function definitionBody(doc: SourceDocument, place: CitationPlace): string {
  const location = doc.metadata.url ?? pathInside(place.workspaceFolder, doc.path);
  // A file name like `a>[x](command:...)` must not become a link in the draft.
  return `${inert(referenceText(doc))}${location ? ` <${inert(location)}>` : ''}`;
}

/** How to cite `passage` in the draft in the given style; reuses the source's footnote. */
export function planCitation(request: CitationRequest): CitationPlan {
  const { markdown, doc, passage, style } = request;
  const page = pageLabel(doc, passage.start);
  if (style === 'link') {
    const label = `${referenceText(doc)}${page ? ` ${page}` : ''}`;
    const link = sourceLink(doc, passage, request);
    return { inline: link ? ` ([${inert(label)}](<${link}>))` : ` (${inert(label)})` };
  }
  const body = definitionBody(doc, request);
  const existing = definitionForSource(footnoteDefinitions(markdown), doc, body);
  const key = existing?.key ?? footnoteKeyFor(doc, usedFootnoteKeys(markdown));
  if (style === 'pandoc') return { inline: ` [@${key}${page ? `, ${page}` : ''}]` };
  if (existing) return { inline: `[^${key}]` };
  return { inline: `[^${key}]`, definition: definitionInsertion(markdown, `[^${key}]: ${body}`) };
}
