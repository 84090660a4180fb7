// Rebuilds lines and paragraphs of a PDF page from its positioned text items.

/** A run of text on a page: baseline start (x, y) in points, y growing upwards. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points (0 for empty markers). */
  height: number;
}

export interface PdfLineOfText {
  text: string;
  x: number;
  y: number;
  endX: number;
  size: number;
  /** Has a gap wider than a few spaces, as between table columns. */
  tabular: boolean;
}

function startsLine(line: PdfLineOfText, item: PdfTextItem, size: number): boolean {
  const tolerance = Math.max(line.size, size) * 0.5;
  return Math.abs(item.y - line.y) > tolerance || item.x < line.endX - line.size;
}

/**
 * Groups items into lines as they come (a page's items are streamed, never all held): same
 * baseline, left to right, with spaces where runs are apart.
 */
export class LineBuilder {
  private readonly lines: PdfLineOfText[] = [];
  private current: PdfLineOfText | undefined;
  /** The last run added to the current line: whether the line ends in a space, without a regex over the whole line. */
  private last = '';

  add(item: PdfTextItem): void {
    if (item.str.length === 0) return;
    const current = this.current;
    const size = item.height > 0 ? item.height : (current?.size ?? 10);
    if (!current || startsLine(current, item, size)) {
      this.current = { text: item.str, x: item.x, y: item.y, endX: item.x + item.width, size, tabular: false };
      this.lines.push(this.current);
      this.last = item.str;
      return;
    }
    // pdfjs fills gaps with space items as wide as the gap: the gap is measured to the next word.
    if (item.str.trim().length === 0) {
      if (!/\s$/.test(this.last)) this.append(current, ' ');
      return;
    }
    const gap = item.x - current.endX;
    const spaced = /\s$/.test(this.last) || /^\s/.test(item.str);
    if (gap > size * 0.2 && !spaced) this.append(current, ' ');
    if (gap > size * 2) current.tabular = true;
    this.append(current, item.str);
    current.endX = Math.max(current.endX, item.x + item.width);
  }

  private append(line: PdfLineOfText, text: string): void {
    line.text += text;
    this.last = text;
  }

  /** The lines, spaces collapsed, empty ones dropped. */
  finish(): PdfLineOfText[] {
    for (const line of this.lines) line.text = line.text.replace(/\s+/g, ' ').trim();
    return this.lines.filter((line) => line.text.length > 0);
  }
}

/** Groups items into lines (LineBuilder over a page's items). */
export function linesOf(items: PdfTextItem[]): PdfLineOfText[] {
  const builder = new LineBuilder();
  for (const item of items) builder.add(item);
  return builder.finish();
}

const sameSize = (a: PdfLineOfText, b: PdfLineOfText) => Math.abs(a.size - b.size) <= Math.min(a.size, b.size) * 0.15;

/** The line spacing of running text: the tightest gap between lines of one size (paragraph gaps are wider). */
function lineSpacing(lines: PdfLineOfText[]): number {
  const gaps = lines.slice(1).flatMap((line, i) => {
    const gap = lines[i].y - line.y;
    return sameSize(lines[i], line) && gap >= line.size * 0.8 ? [gap] : [];
  });
  return gaps.length ? gaps.reduce((a, b) => Math.min(a, b)) : (lines[0]?.size ?? 10) * 1.25;
}

interface PageShape {
  leading: number;
  left: number;
  right: number;
}

/** A line that ends a paragraph before the right margin, or a first line indented under a full one. */
function endsParagraph(previous: PdfLineOfText, next: PdfLineOfText, page: PageShape): boolean {
  const short = previous.endX < page.right - (page.right - page.left) * 0.2 && /[.!?:"”’)]$/.test(previous.text);
  const indented = next.x - previous.x > next.size;
  return short || indented;
}

/** How two consecutive lines are joined: same paragraph (' ' or ''), a new line, or a new paragraph. */
function separator(previous: PdfLineOfText, next: PdfLineOfText, page: PageShape): string {
  const gap = previous.y - next.y;
  if (gap <= 0 || gap > page.leading * 1.35 + 0.5 || !sameSize(previous, next)) return '\n\n';
  if (previous.tabular || next.tabular) return '\n';
  if (endsParagraph(previous, next, page)) return '\n\n';
  // A line ending in a hyphen is a compound split across lines: keep the hyphen, drop the break.
  return /\p{L}-$/u.test(previous.text) && /^\p{L}/u.test(next.text) ? '' : ' ';
}

/** The page's text: lines joined into paragraphs, paragraphs separated by a blank line. */
export function layoutLines(lines: PdfLineOfText[]): string {
  const page: PageShape = {
    leading: lineSpacing(lines),
    // Folded, not spread: a page of 100,000 lines overflowed the stack as Math.min's arguments.
    left: lines.reduce((min, line) => Math.min(min, line.x), Infinity),
    right: lines.reduce((max, line) => Math.max(max, line.endX), -Infinity),
  };
  let text = '';
  lines.forEach((line, i) => {
    text += (i === 0 ? '' : separator(lines[i - 1], line, page)) + line.text;
  });
  return text;
}

const pageNumber = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/**
 * Lines that are furniture rather than content: page numbers, and headers or footers repeated on
 * most pages. Furniture frames content, so a page whose every line looks like it keeps them all
 * (a short PDF whose lines repeat in shape lost all its text as furniture and was called scanned).
 */
export function dropPageFurniture(pages: PdfLineOfText[][]): PdfLineOfText[][] {
  const shape = (line: PdfLineOfText) => line.text.replace(/\d+/g, '#').toLowerCase();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines[0], lines[lines.length - 1]].filter((l) => l !== undefined).map(shape));
    for (const edge of edges) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  const repeated = (line: PdfLineOfText) => pages.length >= 2 && (counts.get(shape(line)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) => {
    const content = lines.filter((line, i) => {
      const atEdge = i === 0 || i === lines.length - 1;
      return !pageNumber.test(line.text) && !(atEdge && repeated(line));
    });
    return content.length > 0 ? content : lines.filter((line) => !pageNumber.test(line.text));
  });
}
