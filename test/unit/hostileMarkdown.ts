// What a Markdown card built from hostile sources may contain: no links but Sourced's own
// command links, no images, no raw HTML, no link definitions. Shared by the unit and the
// integration tests (the integration bundle imports it from here).
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** The links Sourced itself puts in cards: "Open source" at a passage. */
export const OWN_LINK = /^command:sourced\.openSource\?[^\s()]+$/u;

/** Unicode characters that reorder or hide text (bidi overrides and isolates, zero-width marks) or are C0/C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
export const DISGUISING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

// mdast's GFM autolink transform re-links URLs found in text after escapes are resolved, which
// no renderer does (micromark's HTML, markdown-it and VS Code's marked all tokenize the source,
// where `https\:\/\/` is no URL); the tokenizer's own literal autolinks are still checked.
const gfmTokenLevel = gfmFromMarkdown().map((extension) => ({ ...extension, transforms: [] }));

function parse(markdown: string): MdNode {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: gfmTokenLevel }) as MdNode;
}

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
}

/**
 * Parses card Markdown as CommonMark + GFM (literal autolinks included) and lists every node
 * that would render as something other than text: links other than Sourced's own, images,
 * HTML, link references and definitions.
 */
export function markdownHazards(markdown: string, ownLink: RegExp = OWN_LINK): string[] {
  const tree = parse(markdown);
  const hazards: string[] = [];
  const visit = (node: MdNode) => {
    if (node.type === 'link' && !ownLink.test(node.url ?? '')) hazards.push(`link to ${JSON.stringify(node.url)}`);
    if (['image', 'imageReference', 'linkReference', 'definition', 'footnoteDefinition', 'footnoteReference'].includes(node.type)) hazards.push(node.type);
    if (node.type === 'html') hazards.push(`raw HTML ${JSON.stringify(node.value)}`);
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return hazards;
}

/** How many links in the Markdown are Sourced's own. */
export function ownLinkCount(markdown: string, ownLink: RegExp = OWN_LINK): number {
  const tree = parse(markdown);
  let count = 0;
  const visit = (node: MdNode) => {
    if (node.type === 'link' && ownLink.test(node.url ?? '')) count++;
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return count;
}
