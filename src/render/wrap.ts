/**
 * Console text wrapped to the terminal: widths in columns (a CJK character takes two, string-width knows which),
 * continuation lines indented under the text they continue, and a 【marked】 match or a latin word never split.
 */
import stringWidth from 'string-width';

/** Units that never break: a whole 【…】 mark, a latin/digit word with what clings to it, or one character. */
const UNIT = /【[^【】]*】|[A-Za-z0-9][\w.\-/@%]*|[\s\S]/gu;
/** Where a continuation line starts: under the text after a list number or a label (第 3 条职责：). */
const HANG = /^(\s*(?:\d+\.\s|-\s|第 \d+ 条职责：)?)/u;

export function wrapLine(line: string, width: number): string[] {
  if (width < 20 || stringWidth(line) <= width) return [line];
  const hang = ' '.repeat(Math.min(stringWidth(HANG.exec(line)?.[1] ?? ''), Math.floor(width / 2)));
  const out: string[] = [];
  let cur = '';
  let used = 0;
  for (const unit of line.match(UNIT) ?? []) {
    const w = stringWidth(unit);
    if (used + w > width && cur.trim()) {
      out.push(cur.trimEnd());
      cur = hang;
      used = hang.length;
      if (unit === ' ') continue;
    }
    cur += unit;
    used += w;
  }
  if (cur.trim()) out.push(cur.trimEnd());
  return out;
}

/** Every line of text wrapped to width columns; text is left as it is when width is unknown or tiny. */
export function wrapText(text: string, width: number | undefined): string {
  if (!width) return text;
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l, width))
    .join('\n');
}
