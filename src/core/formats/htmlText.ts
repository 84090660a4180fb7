// Turns an article's DOM into plain text: one paragraph per block, teaser links left out.

const blockTags = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const cellTags = new Set(['TD', 'TH']);
const teaserLead = /^(?:read (?:more|also)|also read|see also|related|more on this|watch|listen|recommended)\b\s*[:\-–—|]/i;

function textLength(node: Node): number {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/**
 * The first element under `root` (itself included), in document order, that passes `test`: one
 * walk of the tree, where jsdom's selector engine took about 0.01-0.1 ms an element per query.
 */
export function firstElement(root: Node, test: (element: Element) => boolean): Element | null {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === 1 && test(node as Element)) return node as Element;
  }
  return null;
}

/** ASCII letters lowered, as a CSS `[attr="value" i]` selector compares. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/gu, (letter) => letter.toLowerCase());
}

/** A block that only points elsewhere: almost all of its text is link text, or it starts "Read more:". */
export function isTeaser(block: Element): boolean {
  const total = textLength(block);
  if (total === 0 || total > 300) return false;
  if (teaserLead.test((block.textContent ?? '').trim())) return true;
  // getElementsByTagName, not querySelectorAll: the selector engine's cost was most of reading a long page's blocks.
  const linked = [...block.getElementsByTagName('a')].reduce((sum, link) => sum + textLength(link), 0);
  return linked / total > 0.8;
}

/** Paragraphs of the element's text: blocks separated by blank lines, <br> as a line break. */
export function blockText(root: Element): string {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.replace(/[ \t\f\r]*\n[ \t\f\r]*/g, '\n').replace(/[ \t\f\r]+/g, ' ').trim();
    if (paragraph) blocks.push(paragraph);
    current = '';
  };
  const visit = (node: Node, preformatted: boolean) => {
    if (node.nodeType === 3 /* text */) {
      current += preformatted ? node.nodeValue : (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 /* element */) return;
    const element = node as Element;
    if (element.tagName === 'BR') {
      current += '\n';
      return;
    }
    if (cellTags.has(element.tagName)) current += ' ';
    const block = blockTags.has(element.tagName) && !cellTags.has(element.tagName);
    if (block && element.tagName !== 'DIV' && isTeaser(element)) return;
    if (block) flush();
    for (const child of element.childNodes) visit(child, preformatted || element.tagName === 'PRE');
    if (block) flush();
  };
  visit(root, false);
  flush();
  return blocks.join('\n\n');
}
