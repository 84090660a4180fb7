// The step that keeps a Markdown source's syntax out of its passages.
import type { TextSourceDraft } from '../formats/text';
import { markdownSyntaxRanges } from '../markdown/syntaxRanges';
import { blankRanges } from './blank';

/**
 * Blanks heading and list markers, link targets, emphasis marks, code, HTML and images.
 * Not recorded as junk: junk ends a sentence, while `**x**` sits inside one.
 */
export function blankMarkdownSyntax(source: TextSourceDraft): void {
  source.text = blankRanges(source.text, markdownSyntaxRanges(source.text));
}
