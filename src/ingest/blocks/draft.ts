/** A post's name line and body → its draft record; how a name line names a post and its other names. */
import type { RoleDraft } from '../../roles/schema.js';
import { splitTitle } from '../title.js';
import type { Body } from './body.js';
import { chinesePart } from './text.js';
import type { Unit } from './units.js';
import { looksLikeAnyTitle, looksLikeUnit } from './vocab.js';

export type Name = { title: string; aliases: string[]; department: string | null };

/** `房务总监(Director of Rooms)`, `礼宾员(Concierge / Bellman)`, `客服经理/主管`: the name and its other names. */
/** `【急招】`, `岗位一：`, `职位3:`: tags and ordinals written before a post's name. */
const DECORATION = /^(?:[【[][^】\]]{1,8}[】\]]\s*)+|^(?:岗位|职位|职务)\s*[一二三四五六七八九十\d]{1,3}\s*[:：、.]\s*|^[★☆●•■◆▶►※◇○◎▲△♦]+\s*|^(?:附)?表\s*\d+(?:[.-]\d+)*\s*/;

const END_PUNCT = /[。.;,!]+$/;
/** `1 个人金融部`, `2.1 会计`: a number without its dot before a name. */
const BARE_NUMBER = /^\d{1,2}(?:\.\d{1,2})*\s+(?=\p{Script=Han})/u;

export function headName(text: string): Name {
  const english: string[] = [];
  // `【销售顾问】` alone is the name itself in brackets, not a tag before one
  let s = text.replace(/^[【[]([^】\]]+)[】\]]$/, '$1').replace(DECORATION, '').replace(DECORATION, '').replace(BARE_NUMBER, '').replace(/\(([A-Za-z][A-Za-z .&'/-]*)\)/g, (_, en: string) => {
    english.push(...en.split(/\s*\/\s*/).map((x) => x.trim()).filter((x) => x.length >= 2));
    return '';
  });
  // `前台接待员 Guest Service Agent` / `Front Office Manager 前厅经理`: a Chinese name with its English one
  const tail = /^(.*\p{Script=Han}[^A-Za-z]*?)\s+([A-Za-z][A-Za-z .&'/-]{2,})$/u.exec(s);
  const lead = tail ? null : /^([A-Za-z][A-Za-z .&'/-]{2,}?)\s+(\p{Script=Han}[^A-Za-z]*)$/u.exec(s);
  if (tail || lead) {
    s = tail ? tail[1] : lead![2];
    english.push(...(tail ? tail[2] : lead![1]).split(/\s*\/\s*/).map((x) => x.trim()));
  }
  // an English name keeps its spaces (`Sous Chef`); the rest of splitTitle is for Chinese headings
  if (/^[A-Za-z][A-Za-z .&'/-]*$/.test(s.trim())) {
    const [title, ...more] = s.trim().replace(/\s+/g, ' ').split(/\s*\/\s*/);
    return { title, aliases: [...more, ...english], department: null };
  }
  // `质量中心 实验室主任岗位说明书`: a unit, a space, then the post
  const unit = /^(\p{Script=Han}{2,10})\s+(\p{Script=Han}.*)$/u.exec(s.trim());
  if (unit && looksLikeUnit(unit[1])) {
    const post = splitTitle(unit[2]);
    if (looksLikeAnyTitle(post.title)) return { title: post.title, aliases: [...post.aliases, ...english], department: unit[1] };
  }
  const parts = splitTitle(s);
  return { title: parts.title, aliases: [...new Set([...parts.aliases, ...english])].filter((a) => a !== parts.title), department: parts.department };
}

export function draft(file: string, name: Name, body: Body, start: Unit, last: Unit, dept: string | null): RoleDraft | null {
  const f = body.fields;
  if (!body.duties.length && !body.requirements.length && !f.reportsTo && !f.department) return null;
  let title = name.title;
  const aliases = [...name.aliases, ...body.aliases];
  // a title label naming a different post than a generic heading above it
  if (f.title) {
    const labelled = headName(chinesePart(f.title));
    if (labelled.title && !labelled.title.includes(title) && !title.includes(labelled.title)) {
      if (!looksLikeAnyTitle(title)) title = labelled.title;
      else aliases.push(labelled.title);
    }
  }
  const list = (v: string | undefined) => (v && !/^(无|没有|暂无|-|—)$/.test(v) ? chinesePart(v).split(/[、,/;]/).map((s) => s.trim()).filter((s) => s && s !== '等') : []);
  return {
    title,
    aliases: [...new Set(aliases)].filter((a) => a && a !== title),
    department: f.department ? chinesePart(f.department).replace(END_PUNCT, '') : name.department ?? dept,
    reportsTo: f.reportsTo ? chinesePart(f.reportsTo).replace(/\([^)]*\)/g, '').replace(END_PUNCT, '').trim() || null : body.reportsTo,
    directReports: f.directReports ? list(f.directReports) : body.directReports,
    duties: body.duties,
    requirements: body.requirements,
    source: { file, startLine: start.line, endLine: Math.max(last.endLine, start.line) },
  };
}

