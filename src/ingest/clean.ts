/**
 * Line-preserving cleanup: line i of the output is line i of the input, so passages keep their
 * original line numbers. Output is simplified Chinese with half-width digits and punctuation (NFKC),
 * which is the form segment/extract parse.
 */
import { stripPinyinGlosses, toSimplified } from '../text/normalize.js';

/** Site furniture scraped along with the documents: whole lines that are never part of a role. */
const BOILERPLATE = [
  /下载(本文|文档|此文|该文档)|点击下载|文档下载|下载文档前|将本文的Word文档/,
  /^推荐度[::]?$|^相关专题$|^展开阅读全文$|^(收藏|分享|举报)(本文)?$/,
  /发布时间[::].*来源[::]|收藏本文/,
  /仅部分预览|侵犯您的权益|联系客服反馈|平台不提供额外的编辑/,
  /版权(所有|声明)|copyright|©|all rights reserved/i,
  /小编为你整理|还可以找到更多|人力资源网.{0,6}门户|希望以上内容能?为您|以上内容仅供参考/,
  /^《[^》]*\.(doc|docx|pdf|txt)》$/i,
  /^(首页|上一篇|下一篇|返回顶部|当前位置)([::>].*)?$/,
];

/** Private-use code points: Wingdings-style bullets such as U+F0D8 (each one opens a list item). */
const PRIVATE_USE = /\s*[\uE000-\uF8FF]+\s*/g;
/** The replacement character left by broken encodings. */
const REPLACEMENT = /\uFFFD/g;

export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((re) => re.test(line));
}

/** Two lone Han characters (each between spaces or line ends) separated by spaces, as the split below sees them. */
const SPACED_PAIR = /(?<![^ \t\u3000])\p{Script=Han}[ \t\u3000]+\p{Script=Han}(?![^ \t\u3000])/u;

/**
 * `测 量 工 程 师` → `测量工程师`: runs of two or more single Han characters separated by spaces are
 * one letter-spaced word. Multi-character words separated by a space stay apart.
 */
export function collapseLetterSpacing(line: string): string {
  // most lines have no lone Han character next to another across a space: nothing to join
  if (!SPACED_PAIR.test(line)) return line;
  const parts = line.split(/([ \t\u3000]+)/);
  const out: string[] = [];
  let i = 0;
  while (i < parts.length) {
    const single = (s: string | undefined) => s !== undefined && /^\p{Script=Han}$/u.test(s);
    if (single(parts[i])) {
      let j = i;
      while (single(parts[j + 2]) && parts[j + 1] !== undefined) j += 2;
      if (j > i) {
        out.push(parts.slice(i, j + 1).filter((_, k) => k % 2 === 0).join(''));
        i = j + 1;
        continue;
      }
    }
    out.push(parts[i]);
    i++;
  }
  return out.join('');
}

/**
 * Both readers of a document clean the same lines (the block reader right after the line reader), and traditional
 * → simplified conversion is most of that cost: the last lines cleaned are remembered (bounded).
 */
const recent = new Map<string, string>();
const RECENT_MAX = 20_000;

export function cleanLine(raw: string): string {
  const hit = recent.get(raw);
  if (hit !== undefined) return hit;
  if (recent.size >= RECENT_MAX) recent.clear();
  const out = cleanLineOnce(raw);
  recent.set(raw, out);
  return out;
}

function cleanLineOnce(raw: string): string {
  // a private-use bullet becomes a plain '•' so the list structure it marks survives
  const s = stripPinyinGlosses(raw.normalize('NFKC')).replace(REPLACEMENT, '').replace(PRIVATE_USE, ' • ').replace(/\s+/g, ' ').trim();
  if (!s || isBoilerplate(s)) return '';
  return collapseLetterSpacing(toSimplified(s)).trim();
}

export function cleanLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map(cleanLine);
}
