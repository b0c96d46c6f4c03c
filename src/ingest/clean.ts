/**
 * Line-preserving cleanup: line i of the output is line i of the input, so passages keep their
 * original line numbers. (Placeholder rules; the ingest issue completes them.)
 */
import { stripPinyinGlosses } from '../text/normalize.js';

export function cleanLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => stripPinyinGlosses(l.normalize('NFKC')).replace(/[\uE000-\uF8FF]/g, '').trim());
}
