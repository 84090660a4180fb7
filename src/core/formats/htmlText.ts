// Turns an article's DOM into plain text: one paragraph per block, teaser links left out.

const blockTags = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const cellTags = new Set(['TD', 'TH']);
const teaserLead = /^(?:read (?:more|also)|also read|see also|related|more on this|watch|listen|recommended)\b\s*[:\-–—|]/i;

function textLength(node: Node): number {
  return squeezedLength(node.textContent ?? '');
}

/** The length of `text` with its runs of whitespace made one space, trimmed. */
function squeezedLength(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
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
  const text = block.textContent ?? '';
  const total = squeezedLength(text);
  if (total === 0 || total > 300) return false;
  if (teaserLead.test(text.trim())) return true;
  return linkedLength(block) / total > 0.8;
}

/**
 * The text length of the links under `node`, those getElementsByTagName('a') gives (a link in a
 * link counts twice), found by walking the children: jsdom's collections and node lists cost more
 * to make and read than the few nodes of a paragraph.
 */
function linkedLength(node: Node): number {
  let sum = 0;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1 /* element */) continue;
    const element = child as Element;
    if (element.localName === 'a' && element.prefix === null) sum += textLength(element);
    sum += linkedLength(element);
  }
  return sum;
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
    const tag = element.tagName;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    if (cellTags.has(tag)) current += ' ';
    const block = blockTags.has(tag) && !cellTags.has(tag);
    if (block && tag !== 'DIV' && isTeaser(element)) return;
    if (block) flush();
    // Siblings in turn, not jsdom's childNodes list: making and reading one per element was most of the walk.
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child, preformatted || tag === 'PRE');
    if (block) flush();
  };
  visit(root, false);
  flush();
  return blocks.join('\n\n');
}
