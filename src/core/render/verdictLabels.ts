import type { Verdict } from '../types';

/** Short human names for verdicts, used in cards, the sidebar and messages. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  supported: '✓ Supported',
  'not-a-claim': 'Not a claim',
  'unsupported-claim': '⚠ Unsupported claim',
  misquote: '⚠ Misquote',
  'unverified-quote': '⚠ Unverified quote',
  misattribution: '⚠ Misattribution',
  'number-mismatch': '⚠ Number mismatch',
};
