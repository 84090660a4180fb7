import assert from 'node:assert/strict';
import { citationText, planCitation, type CitationStyle } from '../../src/core/citations/citation';
import { planQuoteInsertion } from '../../src/core/citations/quoteInsertion';
import { pathInside } from '../../src/core/citations/sourcePlace';
import type { SourceDocument, SourceQuote } from '../../src/core/types';
import { passageOf } from './citationsFixtures';

const WORKSPACE = '/home/reporter/stories/water';
const TEXT = 'City water\n\nRates will rise by 4 percent, “a painful but necessary step,” Mayor Ana Ruiz said.\n';
const metadata = { title: 'City water', outlet: 'Gazette', date: '2 March 2024' };
const inside: SourceDocument = { id: 'sources/ruiz.txt', path: `${WORKSPACE}/sources/ruiz.txt`, format: 'text', metadata, text: TEXT, junk: [], contentHash: 'a' };
// As with `sourced.corpus: ["../corpus"]`: the id of a source outside the workspace is its absolute path.
const outside: SourceDocument = { ...inside, id: '/home/reporter/confidential/whistleblower-jo-smith.txt', path: '/home/reporter/confidential/whistleblower-jo-smith.txt' };
const untitledOutside: SourceDocument = { ...outside, metadata: {} };
const place = { workspaceFolder: WORKSPACE, draftPath: `${WORKSPACE}/drafts/story.md` };
const STYLES: CitationStyle[] = ['footnote', 'link', 'pandoc'];

/** Everything that would land in the draft: inline citation and footnote definition. */
function written(doc: SourceDocument, style: CitationStyle, markdown = 'Rates will rise.'): string {
  const plan = planCitation({ markdown, doc, passage: passageOf(doc, 'Rates will rise by 4 percent'), style, ...place });
  return `${plan.inline}${plan.definition?.text ?? ''}`;
}

function assertNothingOfTheMachine(text: string): void {
  assert.doesNotMatch(text, /home|reporter|confidential|whistleblower|smith|\.txt/i, text);
}

describe('citations never leak the machine', () => {
  it('cites a source inside the workspace with its path relative to the workspace (or the draft, for links)', () => {
    assert.equal(written(inside, 'footnote'), '[^gazette-2024]\n\n[^gazette-2024]: City water. Gazette, 2 March 2024. <sources/ruiz.txt>\n');
    assert.equal(written(inside, 'link'), ' ([City water. Gazette, 2 March 2024.](<../sources/ruiz.txt#L3>))');
    assert.equal(written(inside, 'pandoc'), ' [@gazette-2024]');
  });

  it('cites a source outside the workspace by title, outlet and date only, in every style', () => {
    assert.equal(written(outside, 'footnote'), '[^gazette-2024]\n\n[^gazette-2024]: City water. Gazette, 2 March 2024.\n');
    assert.equal(written(outside, 'link'), ' (City water. Gazette, 2 March 2024.)');
    assert.equal(written(outside, 'pandoc'), ' [@gazette-2024]');
    for (const style of STYLES) assertNothingOfTheMachine(written(outside, style));
  });

  it('names an untitled source by its opening words, cut at a word with no full stop after the "…"', () => {
    const long: SourceDocument = { ...untitledOutside, text: 'China has sought to show the world that there is an alternative to a US-led world order.\n', metadata: { outlet: 'I News' } };
    assert.equal(citationText(long, passageOf(long, 'China'), place), 'China has sought to show the world that there is an alternative to a… I News.');
  });

  it('names an untitled source outside the workspace by its opening words, not its file name', () => {
    for (const style of STYLES) assertNothingOfTheMachine(written(untitledOutside, style));
    assert.equal(written(untitledOutside, 'footnote'), '[^city-water]\n\n[^city-water]: City water.\n');
  });

  it('names no path with no workspace folder open, and none outside it for an unsaved draft', () => {
    for (const style of STYLES) {
      const plan = planCitation({ markdown: '', doc: inside, passage: passageOf(inside, 'Rates'), style });
      assert.doesNotMatch(`${plan.inline}${plan.definition?.text ?? ''}`, /ruiz|sources|home/, style);
    }
    const unsaved = planCitation({ markdown: '', doc: inside, passage: passageOf(inside, 'Rates'), style: 'link', workspaceFolder: WORKSPACE });
    assert.equal(unsaved.inline, ' ([City water. Gazette, 2 March 2024.](<sources/ruiz.txt#L3>))');
  });

  it('links a draft saved outside the workspace to the source by its workspace path, not through the file system', () => {
    const plan = planCitation({ markdown: '', doc: inside, passage: passageOf(inside, 'Rates'), style: 'link', workspaceFolder: WORKSPACE, draftPath: '/tmp/elsewhere/story.md' });
    assert.equal(plan.inline, ' ([City water. Gazette, 2 March 2024.](<sources/ruiz.txt#L3>))');
  });

  it('reuses the footnote it wrote for a source outside the workspace', () => {
    const first = `Rates will rise.${written(outside, 'footnote')}`;
    const again = planCitation({ markdown: first, doc: outside, passage: passageOf(outside, 'Rates'), style: 'footnote', ...place });
    assert.deepEqual(again, { inline: '[^gazette-2024]' });
  });

  it('copies a citation (Related Passages) without the path of a source outside the workspace', () => {
    const passage = passageOf(outside, 'Rates will rise');
    assert.equal(citationText(outside, passage, place), 'City water. Gazette, 2 March 2024.');
    assert.equal(citationText(inside, passage, place), 'City water. Gazette, 2 March 2024. ../sources/ruiz.txt#L3');
  });

  it('completes a quote from a source outside the workspace without its path, in every style', () => {
    const passage = passageOf(outside, '“a painful but necessary step,” Mayor Ana Ruiz said.');
    const quote: SourceQuote = { docId: outside.id, passageId: 'p', text: 'a painful but necessary step,', start: passage.start + 1, end: passage.start + 30, speaker: 'Ana Ruiz' };
    for (const style of STYLES) {
      const markdown = 'Rates will rise.\n\n“painful';
      const plan = planQuoteInsertion({ markdown, markOffset: 18, cursorOffset: markdown.length, quote, doc: outside, passage, style, ...place });
      const text = `${plan.text}${plan.additional.map((a) => a.text).join('')}`;
      assert.match(text, /^a painful but necessary step,” Ana Ruiz said/, style);
      assertNothingOfTheMachine(text);
    }
  });

  it('tells a path inside a folder from one beside or above it', () => {
    assert.equal(pathInside('/ws', '/ws/a/b.txt'), 'a/b.txt');
    assert.equal(pathInside('/ws', '/ws-other/b.txt'), undefined);
    assert.equal(pathInside('/ws', '/ws/../b.txt'), undefined);
    assert.equal(pathInside('/ws', '/ws'), undefined);
    assert.equal(pathInside('/ws', '/ws/..hidden/b.txt'), '..hidden/b.txt');
    assert.equal(pathInside(undefined, '/ws/a.txt'), undefined);
  });
});

describe('quote completion leaves a named speaker to the writer', () => {
  const passage = passageOf(inside, '“a painful but necessary step,” Mayor Ana Ruiz said.');
  const quote: SourceQuote = { docId: inside.id, passageId: 'p', text: 'a painful but necessary step,', start: passage.start + 1, end: passage.start + 30, speaker: 'Ana Ruiz' };
  const complete = (markdown: string): string => {
    const markOffset = markdown.lastIndexOf('“');
    return planQuoteInsertion({ markdown, markOffset, cursorOffset: markdown.length, quote, doc: inside, passage, style: 'pandoc', ...place }).text;
  };

  it('adds no second speaker when the sentence names someone else', () => {
    assert.equal(complete('Temur Umarov, a fellow at the Carnegie Endowment, was more blunt: “painful'), 'a painful but necessary step” [@gazette-2024]');
    assert.equal(complete('Umarov was more blunt: “painful'), 'a painful but necessary step” [@gazette-2024]');
    assert.equal(complete('Rates rose. She called it “painful'), 'a painful but necessary step” [@gazette-2024]');
    assert.equal(complete('The council, in the words of the Treasury, took “painful'), 'a painful but necessary step” [@gazette-2024]');
  });

  it('attributes the quote when the sentence names no one', () => {
    assert.equal(complete('Rates rose.\n\n“painful'), 'a painful but necessary step,” Ana Ruiz said [@gazette-2024].');
    assert.equal(complete('Rates rose. The rise is “painful'), 'a painful but necessary step,” Ana Ruiz said [@gazette-2024].');
    // The previous sentence, on the line above, is not this one's.
    assert.equal(complete('# Water\n\nMayor Ruiz spoke last.\n“painful'), 'a painful but necessary step,” Ruiz said [@gazette-2024].');
  });
});
