// Saved web pages: the article body as a reader view shows it, with the page's metadata.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { UnindexableSourceError } from '../corpus/unindexable';
import type { ExtractedSource } from './index';
import { dateAsWritten } from './metadataValues';
import { cleanByline, htmlMetadata } from './htmlMetadata';
import { blockText } from './htmlText';

const neverContent = 'script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, select, nav, aside, [role="navigation" i], [role="complementary" i], [aria-hidden="true"], [hidden]';
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
  const candidates = [...document.querySelectorAll(neverContent), ...[...document.querySelectorAll('[class], [id]')].filter(looksLikeJunk)];
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

export async function extractHtml(bytes: Buffer): Promise<ExtractedSource> {
  // Scripts are not run and nothing is fetched: a saved page is data, never code.
  const dom = new JSDOM(bytes, { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  try {
    const document = dom.window.document;
    const declared = htmlMetadata(document);
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
