// YAML front matter (--- ... ---) at the top of Markdown sources: metadata, and the range to blank.
import { parse } from 'yaml';
import type { OffsetRange, SourceMetadata } from '../types';
import { dateAsWritten, webAddress } from './metadataValues';

export interface FrontMatter {
  metadata: SourceMetadata;
  /** The whole block, delimiters included; absent when the text has no front matter. */
  range?: OffsetRange;
}

const block = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

// Accepted spellings of each field, in order of preference.
const fieldKeys: Record<keyof SourceMetadata, string[]> = {
  title: ['title', 'headline'],
  author: ['author', 'authors', 'byline', 'creator'],
  outlet: ['outlet', 'publication', 'publisher', 'site_name', 'site', 'source'],
  date: ['date', 'published', 'published_at', 'pubdate', 'created'],
  url: ['url', 'link', 'source_url', 'canonical_url', 'canonical', 'source'],
};

function asText(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ') || undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  if (value && typeof value === 'object' && 'name' in value) return asText((value as { name: unknown }).name);
  return undefined;
}

function fieldValue(data: Record<string, unknown>, field: keyof SourceMetadata): string | undefined {
  for (const key of fieldKeys[field]) {
    const value = asText(data[key]);
    if (value === undefined) continue;
    // `source` is an outlet when it is a name and the page address when it is a link.
    const isLink = webAddress(value) !== undefined;
    if (field === 'outlet' && key === 'source' && isLink) continue;
    if (field === 'url') {
      if (isLink) return value;
      continue;
    }
    return field === 'date' ? dateAsWritten(value) : value;
  }
  return undefined;
}

function parseYaml(source: string): Record<string, unknown> {
  try {
    const data: unknown = parse(source, { maxAliasCount: 50, logLevel: 'error' });
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key.toLowerCase().replace(/[\s-]+/g, '_'), value]));
  } catch {
    return {}; // Broken YAML is still front matter: it is blanked, it just carries no metadata.
  }
}

/** Reads `---` YAML front matter at the very start of `text`: title, author, outlet, date, url. */
export function parseFrontMatter(text: string): FrontMatter {
  const match = block.exec(text);
  if (!match) return { metadata: {} };
  const data = parseYaml(match[1] ?? '');
  const metadata: SourceMetadata = {};
  for (const field of Object.keys(fieldKeys) as (keyof SourceMetadata)[]) {
    const value = fieldValue(data, field);
    if (value !== undefined) metadata[field] = value;
  }
  return { metadata, range: { start: 0, end: match[0].length } };
}
