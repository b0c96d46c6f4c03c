/**
 * Text that is not a duty, whichever reader found it: a table of contents run into a list item (`内勤职责 三、职责权限
 * 四、客服部工作规范 (一)、服务原则…`), the next section's heading left at the end of the last item (`…工作任务。
 * 13.2.2 (1、2、33楼大堂)客服员工作职责`), and words broken by a stray space (`回访征 询意见`).
 */

/** Numbered section headings as a table of contents runs them together. */
const SECTION_MARK = /(?:^|\s)(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)、?|\d{1,2}(?:\.\d{1,2}){1,3}\s)/g;
/** A numbered heading that closes an item after its last sentence. */
const HEADING_TAIL = /([。;!])\s*(?:\d{1,2}(?:\.\d{1,2}){1,3}|[一二三四五六七八九十]{1,3}、)\s*\S{0,24}?(?:职责|说明书|要求|职能)$/u;
/** A space inside Chinese text is a leftover of layout (letter-spacing, a wrapped line), not a word break. */
const HAN_GAP = /(?<=\p{Script=Han})[ \u3000]+(?=\p{Script=Han})/gu;

export function cleanDuties(items: string[]): string[] {
  return items
    .filter((d) => (d.match(SECTION_MARK)?.length ?? 0) < 3)
    .map((d) => d.replace(HEADING_TAIL, '$1').replace(HAN_GAP, '').trim())
    .filter(Boolean);
}
