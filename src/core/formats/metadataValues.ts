// Metadata values as Sourced keeps them: dates as the source writes them, addresses only when they are web links.
import type { SourceMetadata } from '../types';

/** Copies the fields of `found` that `into` does not have yet: an earlier cleaning step's value wins. */
export function addMissingMetadata(into: SourceMetadata, found: SourceMetadata): void {
  for (const [field, value] of Object.entries(found) as [keyof SourceMetadata, string][]) into[field] ??= value;
}

/** "2024-03-14T08:30:00Z" -> "2024-03-14"; any other date stays as written. */
export function dateAsWritten(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.exec(trimmed);
  return iso ? iso[1] : trimmed;
}

/** Only web addresses: a citation link must never become a javascript:, file: or command: link. */
export function webAddress(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && /^https?:\/\/[^\s"<>]+$/i.test(trimmed) ? trimmed : undefined;
}
