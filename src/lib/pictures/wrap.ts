/**
 * Text broken into lines that fit a width, word by word, for pictures drawn without a layout
 * engine. The width of a piece of text comes from `measure` (resvg's measure of the real glyphs at
 * build time), so the lines are the same on every machine.
 */

/** Width in pixels of `text` as it will be drawn. */
export type Measure = (text: string) => number;

/**
 * `text` in lines no wider than `width`, at most `maxLines` of them: a word wider than the line
 * stands alone, and text left over ends the last line with an ellipsis.
 */
export function wrapText(text: string, width: number, measure: Measure, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let tail = kept[maxLines - 1] ?? '';
  while (tail.includes(' ') && measure(`${tail}…`) > width) tail = tail.slice(0, tail.lastIndexOf(' '));
  kept[maxLines - 1] = `${tail.replace(/[\s,;:.]+$/, '')}…`;
  return kept;
}
