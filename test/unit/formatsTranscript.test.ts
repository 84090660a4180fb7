import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseFrontMatter } from '../../src/core/formats/frontMatter';
import { detectTurns } from '../../src/core/formats/transcript';
import type { SpeakerTurn } from '../../src/core/types';
import { readFormatFixture } from './formatsFixtures';

function spoken(text: string, turns: SpeakerTurn[]): Array<[string, string]> {
  return turns.map((turn) => [turn.speaker, text.slice(turn.start, turn.end)]);
}

describe('formats: transcripts', () => {
  it('attributes timestamped all-caps speaker lines, with continuation lines, in title case', () => {
    const text = readFormatFixture('interview.txt').toString('utf8');
    const turns = spoken(text, detectTurns(text));
    assert.equal(turns.length, 6);
    assert.deepEqual(turns[0], ['Maria Okafor', 'Thank you for talking to us. When did the council first discuss a barrier?']);
    assert.deepEqual(turns[1], ['Lena Fischer', 'The idea is old. The first study was commissioned in 2014, after the winter floods.\nIt sat in a drawer for years.']);
    assert.deepEqual(turns[5], ['Lena Fischer', 'A higher wall cuts the town off from its own harbor. We looked at that option carefully.']);
  });

  it('reads bold Markdown Q/A labels once front matter is blanked', () => {
    const raw = readFormatFixture('interview.md').toString('utf8');
    const { range } = parseFrontMatter(raw);
    assert.ok(range);
    const text = ' '.repeat(range.end) + raw.slice(range.end);
    assert.deepEqual(spoken(text, detectTurns(text)), [
      ['Q', 'How long will construction take?'],
      ['A', 'About three years, if the permits arrive on time.'],
      ['Q', 'What is the biggest risk?'],
      ['A', 'Silt. The gates must close even after a winter of sediment.'],
    ]);
  });

  it('handles label forms: "Name (00:12):", "**Name**:", "Dr. Name:", particles, and ends a turn at a heading', () => {
    const text = [
      'Jane Doe (00:12): First answer.',
      '**Pieter de Vries**: Second answer.',
      'Dr. Samuel Reyes: Third answer.',
      '# Notes',
      'Written afterwards by the reporter.',
    ].join('\n');
    assert.deepEqual(spoken(text, detectTurns(text)), [
      ['Jane Doe', 'First answer.'],
      ['Pieter de Vries', 'Second answer.'],
      ['Dr. Samuel Reyes', 'Third answer.'],
    ]);
  });

  it('leaves ordinary articles alone, including the sample corpus with its "Source: X" lines', () => {
    const article = 'The council met on Tuesday.\n\nSource: Blick\n\nAuthor: Jane Roe\n\nMayor: we will decide soon, she said.\n\nThe vote is next week.';
    assert.deepEqual(detectTurns(article), []);
    const corpus = path.resolve(__dirname, '../../../corpus');
    for (const name of fs.readdirSync(corpus).filter((n) => n.endsWith('.txt'))) {
      assert.deepEqual(detectTurns(fs.readFileSync(path.join(corpus, name), 'utf8')), [], name);
    }
  });

  it('does not take metadata labels for speakers even when they are most lines', () => {
    assert.deepEqual(detectTurns('Title: A\nAuthor: B\nDate: C\nSource: D\n'), []);
  });
});
