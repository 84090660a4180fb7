// Saved web pages: the article body as a reader view shows it, with the page's metadata.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { UnindexableSourceError } from '../corpus/unindexable';
import type { ExtractedSource } from './index';
import { dateAsWritten } from './metadataValues';
import { cleanByline, htmlMetadata } from './htmlMetadata';
import { asciiLower, blockText, firstElement } from './htmlText';

/** Elements that are never the article (a selector engine took 0.1 ms an element to find them: tested in one walk instead). */
const neverContentTags = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'form', 'button', 'select', 'nav', 'aside']);

/** `script, style, …, nav, aside, [role="navigation" i], [role="complementary" i], [aria-hidden="true"], [hidden]` */
function isNeverContent(element: Element): boolean {
  if (neverContentTags.has(element.localName.toLowerCase())) return true;
  const role = asciiLower(element.getAttribute('role') ?? '');
  return role === 'navigation' || role === 'complementary' || element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden');
}

/** The page's elements that are never content, then those whose class or id says junk, each in document order. */
function junkCandidates(document: Document): { never: Element[]; junk: Element[] } {
  const never: Element[] = [];
  const junk: Element[] = [];
  const root = document.documentElement;
  if (!root) return { never, junk };
  // A tree walker, not the live collection of getElementsByTagName: jsdom walks the tree again for each item of that.
  const walker = document.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    const element = node as Element;
    if (isNeverContent(element)) never.push(element);
    if ((element.hasAttribute('class') || element.hasAttribute('id')) && looksLikeJunk(element)) junk.push(element);
  }
  return { never, junk };
}
const junkWords = new Set([
  'ad', 'ads', 'advert', 'advertisement', 'sponsor', 'sponsored', 'promo', 'teaser', 'teasers', 'related', 'recommended',
  'newsletter', 'subscribe', 'share', 'sharing', 'social', 'cookie', 'cookies', 'consent', 'popup', 'modal', 'outbrain',
  'taboola', 'trending', 'popular', 'comments', 'paywall', 'readmore',
]);

function looksLikeJunk(element: Element): boolean {
  const words = `${element.getAttribute('class') ?? ''} ${element.id}`.toLowerCase().split(/[^a-z]+/);
  return words.some((word) => junkWords.has(word));
}

function paragraphTextLength(element: Element): number {
  return [...element.querySelectorAll('p')].reduce((sum, p) => sum + (p.textContent ?? '').trim().length, 0);
}

/** Removes what is never the article (scripts, navigation, ads, teasers, banners) unless it holds the article. */
function removeJunk(document: Document): void {
  const body = document.body;
  if (!body) return;
  const articleText = paragraphTextLength(body);
  const { never, junk } = junkCandidates(document);
  const candidates = [...never, ...junk];
  for (const element of candidates) {
    if (!element.isConnected || element === body) continue;
    const holdsArticle = element.querySelector('article, main, [itemprop="articleBody" i]') !== null || paragraphTextLength(element) > articleText * 0.5;
    if (!holdsArticle || element.matches('script, style, noscript, template')) element.remove();
  }
}

/** A byline left in the body ("By Maria Okafor") repeats metadata; it is not a statement. */
function isByline(paragraph: string, author: string | undefined): boolean {
  return /^by\s+[^.!?\n]{2,80}$/i.test(paragraph) || (author !== undefined && paragraph === author);
}

/**
 * Start tags (counted in the bytes, before parsing) past which a page is not parsed: jsdom took
 * 6.8 s of CPU and 970 MB to build the 165,000 elements of a 10 MB page, and reading a page of
 * 48,000 tags (3 MB) without Readability takes 8 s of CPU on a busy 2-core machine.
 */
export const MAX_HTML_START_TAGS = 50_000;
/**
 * Elements past which a page's article is not looked for by Readability and the junk scan, which
 * take about 0.4 ms an element on a busy 2-core machine (a page of 16,000 elements: 6.8 s of CPU):
 * the text of the page's article, main or body element is read as it is instead, scripts, styles,
 * navigation and the like left out (4.4 s). An article page has a few thousand elements.
 */
export const READER_VIEW_MAX_ELEMENTS = 15_000;

/** `<` followed by an ASCII letter: an upper bound on a page's elements (scripts and comments may hold more). */
function startTags(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x3c); at !== -1; at = bytes.indexOf(0x3c, at + 1)) {
    const next = bytes[at + 1] | 0x20;
    if (next >= 0x61 && next <= 0x7a) count++;
  }
  return count;
}

/** A large page's text without Readability: what is never content removed in one pass, the rest read as blocks. */
function plainPageText(document: Document): Element | null {
  for (const element of junkCandidates(document).never) if (element.isConnected && element !== document.body) element.remove();
  const article = (element: Element) => element.localName === 'article' || element.localName === 'main' || asciiLower(element.getAttribute('itemprop') ?? '') === 'articlebody';
  return (document.documentElement && firstElement(document.documentElement, article)) ?? document.body;
}

export async function extractHtml(bytes: Buffer): Promise<ExtractedSource> {
  const tags = startTags(bytes);
  if (tags > MAX_HTML_START_TAGS) {
    throw new UnindexableSourceError(`a page of ${tags.toLocaleString('en-US')} tags (the limit is ${MAX_HTML_START_TAGS.toLocaleString('en-US')}): save its text as .txt, or split it`);
  }
  // Scripts are not run and nothing is fetched: a saved page is data, never code.
  const dom = new JSDOM(bytes, { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  try {
    const document = dom.window.document;
    const declared = htmlMetadata(document);
    const large = document.getElementsByTagName('*').length > READER_VIEW_MAX_ELEMENTS;
    if (large) {
      const root = plainPageText(document);
      const text = root ? blockText(root) : '';
      if (!text.trim()) throw new UnindexableSourceError('no readable text in this HTML page: save the article page itself, or its text as .txt');
      return { format: 'html', text, metadata: declared };
    }
    removeJunk(document);
    const article = new Readability<Node>(document, { charThreshold: 200, serializer: (node) => node }).parse();
    const root = (article?.content as Element | null | undefined) ?? document.body;
    const author = cleanByline(article?.byline);
    const byline = declared.author ?? author;
    const text = (root ? blockText(root) : '')
      .split('\n\n')
      .filter((paragraph, i) => !(i < 3 && isByline(paragraph, byline)))
      .join('\n\n');
    if (!text.trim()) throw new UnindexableSourceError('no readable text in this HTML page: save the article page itself, or its text as .txt');
    const metadata = {
      ...declared,
      ...(!declared.title && article?.title && { title: article.title }),
      ...(!declared.author && author && { author }),
      ...(!declared.outlet && article?.siteName && { outlet: article.siteName }),
      ...(!declared.date && article?.publishedTime && { date: dateAsWritten(article.publishedTime) }),
    };
    return { format: 'html', text, metadata };
  } finally {
    dom.window.close();
  }
}
