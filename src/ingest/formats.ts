/**
 * Markdown and HTML → plain text lines for the line reader (clean/segment/extract): the markup removed from text
 * the document readers already decoded.
 */
import { convert } from 'html-to-text';

const MD_FENCE = /^\s*(```|~~~)/;
const MD_TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const MD_RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;

/** One markdown line as rendered text: markers and link targets dropped, cell separators kept as gaps. */
function markdownLine(line: string): string {
  if (MD_TABLE_RULE.test(line) || MD_RULE.test(line)) return '';
  let s = line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^(\s*>)+\s?/, '')
    // A rendered list shows a bullet; '•' keeps the item recognisable as a list item downstream.
    .replace(/^(\s*)[-*+]\s+(\[[ xX]\]\s+)?/, '$1• ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
  if (/^\s*\|.*\|\s*$/.test(s)) {
    s = s.trim().slice(1, -1).split('|').map((c) => c.trim()).join('  ');
  }
  return s;
}

/** Line-preserving: output line i is input line i, so role sources point at the .md file's own lines. */
export function markdownToText(md: string): string {
  let fenced = false;
  return md
    .split(/\r\n|\r|\n/)
    .map((line) => {
      if (MD_FENCE.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? line : markdownLine(line);
    })
    .join('\n');
}

/** Each table cell on its own line: the "label line, then value line" shape scraped tables already have. */
const cellBlock = (selector: string) => ({ selector, format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } });

const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '• ' } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    ...['table', 'tr', 'th', 'td'].map(cellBlock),
  ],
};

/** Lines of the rendered page (scripts, styles and head dropped; block elements end lines). */
export function htmlToText(html: string): string {
  return convert(html, HTML_OPTIONS);
}
