import assert from 'node:assert/strict';
import { findJunk } from '../../src/core/corpus/clean';
import { readMetadata } from '../../src/core/corpus/metadata';

/** Metadata of a text, and the text of the lines kept out of passages as metadata. */
function read(text: string) {
  const { metadata, lines } = readMetadata(text);
  return { metadata, blanked: lines.map((r) => text.slice(r.start, r.end)) };
}

describe('readMetadata on other articles', () => {
  it('reads a byline, a dated line and a source line, and blanks them', () => {
    const text = 'Floods hit the valley\nBy Jane Roe and John Doe\nPublished: March 5, 2023 at 10:15 am\nThe river rose overnight.\nSource: The Local Times\n';
    assert.deepEqual(read(text), {
      metadata: { title: 'Floods hit the valley', author: 'Jane Roe and John Doe', date: 'March 5, 2023 at 10:15 am', outlet: 'The Local Times' },
      blanked: ['By Jane Roe and John Doe', 'Published: March 5, 2023 at 10:15 am', 'Source: The Local Times'],
    });
  });

  it('reads ISO dates, author lines and URLs', () => {
    const text = 'The mayor resigned on Monday after a vote.\n2023-04-26\nAuthor: Ana María López\nURL: https://example.com/story\n';
    assert.deepEqual(read(text).metadata, { date: '2023-04-26', author: 'Ana María López', url: 'https://example.com/story' });
  });

  it('takes the author from a first-person bio', () => {
    assert.equal(read('Story text.\nI am Carla Moss, a reporter covering courts.\n').metadata.author, 'Carla Moss');
  });

  it('does not take a sentence for metadata', () => {
    const text = 'Source: officials said the plan was approved on Monday after a long debate.\nBy the end of the day, the vote was done.\nAuthor: what a question.\n';
    assert.deepEqual(read(text), { metadata: {}, blanked: [] });
  });

  it('does not take a first line that is a sentence for a title', () => {
    assert.equal(read('China has sought to show the world a new order.\nMore text.').metadata.title, undefined);
  });

  it('leaves transcripts alone: speaker labels are not outlets, trailing-off lines are not teasers', () => {
    const text = 'Reporter: What did you see...\nAnna Berg: Well, I was at the door and...\nReporter: And then?\nAnna Berg: The lights went out, and...\n';
    assert.deepEqual(read(text), { metadata: {}, blanked: [] });
    assert.deepEqual(findJunk(text), []);
  });
});
