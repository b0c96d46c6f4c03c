/** A raw post name as written in a heading or label → display title, aliases and a department it names. */
import { CJK_NUM, ROLE_SUFFIX, looksLikeTitle } from './labels.js';

/** Place names written before or after a title (`上海居转户岗位`, `(base上海)`): not part of the post. */
const PLACE =
  '(?:上海|北京|天津|重庆|广州|深圳|杭州|南京|苏州|成都|武汉|西安|郑州|长沙|沈阳|青岛|厦门|宁波|无锡|合肥|济南|福州|大连|哈尔滨|长春|昆明|南昌|石家庄|太原|贵阳|南宁|海口|兰州|香港|澳门)市?';
const PLACE_PREFIX = new RegExp(`^${PLACE}`);
export const PLACE_ONLY = new RegExp(`^(?:base)?${PLACE}$`, 'i');

/** Heading decorations around a title. */
const LEAD = new RegExp(`^(?:推荐)?第(?:\\d+|${CJK_NUM})篇[::]\\s*|^(?:${CJK_NUM}[、.]|\\(${CJK_NUM}\\)|\\d{1,2}\\.0(?![\\d.])|\\d{1,2}[.、]|\\(\\d{1,2}\\))\\s*`, 'u');
export const HEADING_SUFFIX = '(?:岗位职务说明书|职位描述与岗位职责|岗位职责|工作职责|岗位说明书|职位说明书|职务说明书|职责要求|职责)';

/** What sites append after a heading: `范本`, `(精选8篇)`, `(定稿)`. */
export const HEADING_TAIL = '(?:范本|范文|模板|大全|参考|样本|通用版|精选)?(?:\\([^)]*\\))*';

/** Built once: splitTitle runs on nearly every short line of a document. */
const SUFFIX = new RegExp(`\\s*(?:的)?${HEADING_SUFFIX}${HEADING_TAIL}[::]?$`);
const PLACE_SUFFIX = new RegExp(`[-—_·]+(?:base)?${PLACE}$`, 'i');

export type TitleParts = { title: string; aliases: string[]; department: string | null };

function uniq(xs: string[], title: string): string[] {
  return [...new Set(xs.filter((x) => x && x !== title))];
}

/** The department a title names itself (`业务管理部经理` → `业务管理部`). */
export function departmentInTitle(name: string): string | null {
  const m = /^(.+?(?:部门|部|办公室|中心))(.+)$/.exec(name);
  return m && ROLE_SUFFIX.test(m[2]) && m[2].length >= 2 ? m[1] : null;
}

export function splitTitle(raw: string): TitleParts {
  let s = raw.replace(/\s+/g, ' ').trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(LEAD, '').trim();
  }
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(SUFFIX, '').trim();
  }
  const aliases: string[] = [];
  // parentheticals: another name of the post becomes an alias; a short field right after the name
  // (`服务助理(会议)`) specialises it; places, lists of names and notes are dropped
  let qualifier = '';
  s = s.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    const v = inner.trim();
    if (v.length >= 3 && looksLikeTitle(v) && !PLACE_ONLY.test(v)) aliases.push(v);
    else if (/^\p{Script=Han}{2,4}$/u.test(v) && !PLACE_ONLY.test(v) && !looksLikeTitle(v)) qualifier = v;
    return '';
  });
  s = s.replace(/\s+/g, '').replace(/^[-—_:]+|[-—_::的]+$/g, '');
  if (qualifier && looksLikeTitle(s)) {
    aliases.push(s);
    s = qualifier + s;
  }
  s = s.replace(PLACE_SUFFIX, '');
  const department = departmentInTitle(s);
  const place = PLACE_PREFIX.exec(s);
  if (place && s.length - place[0].length >= 2) s = s.slice(place[0].length);
  // `技术客户经理TAM`: a trailing latin acronym is the post's short name
  const acr = /^(\p{Script=Han}{2,})([A-Z]{2,6})$/u.exec(s);
  if (acr) {
    s = acr[1];
    aliases.push(acr[2]);
  }
  // `客服经理/主管` → 客服经理, 客服主管
  if (s.includes('/')) {
    const [first, ...rest] = s.split('/');
    aliases.push(first);
    for (const r of rest) aliases.push(r.length < first.length ? first.slice(0, first.length - r.length) + r : r);
  }
  return { title: s, aliases: uniq(aliases, s), department };
}
