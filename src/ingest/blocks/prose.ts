/**
 * Posts described in paragraphs only: a paragraph that opens with a post as its subject (`店长是…`,
 * `收银员的主要工作是…`, `理货员负责…`) describes that post, and following paragraphs that name it again or state
 * requirements (`担任店长一般要求…`) belong to it. One such paragraph alone may be an example in an intro, so a
 * document needs two.
 */
import type { RoleDraft } from '../../roles/schema.js';
import { REQUIREMENT, aliasesIn, superiorIn } from './sentences.js';
import type { Unit } from './units.js';
import { looksLikeAnyTitle, looksLikeUnit } from './vocab.js';

/** `技术员在生产技术组组长领导下工作，主要负责…`: a reporting clause may sit between the post and its work. */
const SUBJECT = /^([\p{Script=Han}A-Za-z]{2,10}?)(?:(?:在[^,。;]{2,16}?(?:领导|指导|管理|安排)下(?:工作)?|向[^,。;]{2,16}?汇报|归[^,。;]{2,12}?管)[,，]?)?(?:的(?:主要)?(?:工作|职责|任务)(?:是|为|包括)|主要负责|负责|是|协助|由|要|需要|应当?|每天|每日)/u;
const UNIT_BY = /由(\p{Script=Han}{2,10}?)(?:派驻|派出|统一管理|直接管理|管理)/u;

function subjectOf(u: Unit): string | null {
  if (u.kind !== 'para' || u.marker !== 'none' || u.label || u.text.length < 15) return null;
  const m = SUBJECT.exec(u.text);
  return m && looksLikeAnyTitle(m[1]) && !/^(该|此|本|各|每|这)/.test(m[1]) ? m[1] : null;
}

/** Sentences, ending at 。；!? (kept). */
const sentences = (s: string) => s.match(/[^。;!?]+[。;!?]?/g)?.map((x) => x.trim()).filter(Boolean) ?? [];

export function proseRoles(units: Unit[], covered: Set<number>, file: string): RoleDraft[] {
  const starts = units.map((u, k) => (covered.has(k) ? null : subjectOf(u)));
  if (starts.filter(Boolean).length < 2) return [];
  const out: RoleDraft[] = [];
  for (let k = 0; k < units.length; k++) {
    const title = starts[k];
    if (!title) continue;
    let end = k;
    // later paragraphs that name the post again or state requirements, up to the next post or heading
    while (end + 1 < units.length && !starts[end + 1] && !covered.has(end + 1) && units[end + 1].kind === 'para') {
      const next = units[end + 1].text;
      if (!(/^(该岗位|此岗位|担任)/.test(next) || (next.includes(title) && REQUIREMENT.test(next) && !SUBJECT.test(next)))) break;
      end++;
    }
    const text = units.slice(k, end + 1).map((u) => u.text).join('');
    const duties: string[] = [];
    const requirements: string[] = [];
    for (const s of sentences(units[k].text)) {
      // a reporting clause before the work (`…在组长领导下工作，主要负责…`) is no duty; the work after it is
      const work = s.search(/(?:主要)?负责/);
      if (superiorIn(s) && /汇报|报告|领导|管/.test(s)) {
        if (work > 0) duties.push(s.slice(work));
        continue;
      }
      (REQUIREMENT.test(s) && /要求|学历|经验|须|证/.test(s) ? requirements : duties).push(s);
    }
    for (const u of units.slice(k + 1, end + 1)) requirements.push(...sentences(u.text).filter((s) => REQUIREMENT.test(s)));
    const unit = UNIT_BY.exec(text)?.[1];
    out.push({
      title,
      aliases: aliasesIn(text),
      department: unit && looksLikeUnit(unit) ? unit : null,
      reportsTo: superiorIn(text),
      directReports: [],
      // the paragraph is one description of the work, as its author wrote it
      duties: duties.length ? [duties.join('')] : [],
      requirements,
      source: { file, startLine: units[k].line, endLine: units[end].endLine },
    });
    k = end;
  }
  return out;
}
