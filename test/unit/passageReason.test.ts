import assert from 'node:assert/strict';
import { passageReason } from '../../src/core/render/passageReason';
import type { PassageHit } from '../../src/core/types';

const hit = (matchedTerms: string[]): PassageHit => ({ passage: { id: 'p', docId: 'd', start: 0, end: 1, text: 'x', contextStart: 0, contextEnd: 1 }, score: 1, matchedTerms });

describe('why a passage is related', () => {
  it('names the shared words, names last, each once', () => {
    assert.equal(passageReason(hit(['Beijing', 'ceasefire', 'sanctions', 'beijing'])), 'Matched words: ceasefire, sanctions, Beijing');
  });

  it('says "same people and places" when only names are shared', () => {
    assert.equal(passageReason(hit(['Xi', 'Moscow'])), 'Same people and places: Xi, Moscow');
  });

  it('keeps a long list short', () => {
    assert.equal(passageReason(hit(['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8'])), 'Matched words: a1, b2, c3, d4, e5, f6 and 2 more');
  });

  it('says so when no word is shared', () => {
    assert.equal(passageReason(hit([])), 'Close in meaning (no shared words)');
  });
});
