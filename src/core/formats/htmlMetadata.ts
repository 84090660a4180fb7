// Title, author, outlet, date and address of a web page, from its <meta> tags and JSON-LD.
import type { SourceMetadata } from '../types';
import { dateAsWritten, webAddress } from './metadataValues';
import { asciiLower, firstElement } from './htmlText';

type JsonObject = Record<string, unknown>;

/**
 * The first `<meta>` (in document order) whose property, name or itemprop is `key`, as
 * `meta[property="key" i], meta[name="key" i], meta[itemprop="key" i]` finds it: the page's meta
 * elements are listed once, not searched for through the whole page for each of sixteen keys (on a
 * large page without them, that was a fifth of reading it).
 */
function metaContent(metas: readonly Element[], ...keys: string[]): string | undefined {
  for (const key of keys) {
    const wanted = asciiLower(key);
    const element = metas.find((meta) => ['property', 'name', 'itemprop'].some((attribute) => {
      const value = meta.getAttribute(attribute);
      return value !== null && asciiLower(value) === wanted;
    }));
    const value = element?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

function asObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(asObjects);
  if (!value || typeof value !== 'object') return [];
  const object = value as JsonObject;
  return [object, ...asObjects(object['@graph'])];
}

function isArticle(object: JsonObject): boolean {
  const types = ([] as unknown[]).concat(object['@type']).map(String);
  return types.some((type) => /Article|BlogPosting|Report/i.test(type));
}

/** The article objects of the page's JSON-LD blocks (broken blocks are ignored). */
function jsonLdArticles(document: Document): JsonObject[] {
  return [...document.querySelectorAll('script[type="application/ld+json" i]')].flatMap((script) => {
    try {
      return asObjects(JSON.parse(script.textContent ?? '')).filter(isArticle);
    } catch {
      return [];
    }
  });
}

/** "Maria Okafor", or several names joined: JSON-LD people may be strings, objects or lists. */
function names(value: unknown): string | undefined {
  const list = ([] as unknown[]).concat(value ?? []).flatMap((person) => {
    const name = typeof person === 'string' ? person : (person as JsonObject | null)?.name;
    return typeof name === 'string' && name.trim() ? [name.trim()] : [];
  });
  return list.length ? list.join(', ') : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** "By Maria Okafor" -> "Maria Okafor". */
export function cleanByline(byline: string | undefined | null): string | undefined {
  const cleaned = byline?.replace(/\s+/g, ' ').replace(/^\s*by\s+/i, '').trim();
  return cleaned && cleaned.length <= 120 ? cleaned : undefined;
}

/** `link[rel~="canonical" i]`: a link whose rel words include canonical. */
function isCanonicalLink(element: Element): boolean {
  return element.localName === 'link' && asciiLower(element.getAttribute('rel') ?? '').split(/[ \t\n\r\f]+/u).includes('canonical');
}

/** Metadata declared in the page's head; read it before Readability rewrites the document. */
export function htmlMetadata(document: Document): SourceMetadata {
  const article = jsonLdArticles(document)[0] ?? {};
  const metas = [...document.getElementsByTagName('meta')];
  const publisher = article.publisher as JsonObject | undefined;
  const metaAuthor = metaContent(metas, 'author', 'article:author', 'dc.creator', 'parsely-author');
  const metadata: SourceMetadata = {
    title: text(article.headline) ?? metaContent(metas, 'og:title', 'twitter:title'),
    author: names(article.author) ?? (webAddress(metaAuthor) ? undefined : metaAuthor),
    outlet: metaContent(metas, 'og:site_name', 'application-name') ?? names(publisher),
    date: dateAsWritten(
      text(article.datePublished) ??
        metaContent(metas, 'article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date') ??
        firstElement(document, (element) => element.localName === 'time' && element.hasAttribute('datetime'))?.getAttribute('datetime') ??
        undefined,
    ),
    url: webAddress(firstElement(document, isCanonicalLink)?.getAttribute('href')) ?? webAddress(metaContent(metas, 'og:url')),
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)) as SourceMetadata;
}
