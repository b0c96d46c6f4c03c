/** Labels in the language a question was asked in, and the one line saying what was understood. */
import type { Answer, Field, Understood } from '../answer/types.js';

export type Lang = 'zh' | 'en';

export const FIELD_LABELS: Record<Lang, Record<Field, string>> = {
  zh: { reportsTo: '直属上级', department: '所属部门', directReports: '直接下属', duties: '岗位职责', requirements: '任职要求' },
  en: { reportsTo: 'Reports to', department: 'Department', directReports: 'Direct reports', duties: 'Duties', requirements: 'Requirements' },
};

const UI = {
  zh: { aka: '又称', none: '未注明', source: '来源', lines: (a: number, b: number) => `第 ${a}–${b} 行`, related: (t: string) => `与「${t}」相关的岗位：`, duty: (n: number) => `第 ${n} 条职责`, notFoundWho: (q: string) => `没有找到负责「${q}」的岗位。`, notFoundRole: (q: string) => `没有找到岗位「${q}」。`, didYouMean: '你是不是要找：', didYouMeanNumbered: '你是不是要找（输入编号查看）：', help: '输入 help 查看提问方式。', others: '其他同名或相近的岗位：', othersNumbered: '其他同名或相近的岗位（输入编号查看）：', noDept: '部门未注明', notStated: '文档中未注明', chain: '汇报线' },
  en: { aka: 'also called', none: 'not stated', source: 'Source', lines: (a: number, b: number) => `lines ${a}–${b}`, related: (t: string) => `Roles whose duties match “${t}”:`, duty: (n: number) => `duty ${n}`, notFoundWho: (q: string) => `No role's duties mention “${q}”.`, notFoundRole: (q: string) => `No role called “${q}” was found.`, didYouMean: 'Did you mean: ', didYouMeanNumbered: 'Did you mean (type a number to open):', help: 'Type help to see what you can ask.', others: 'Other roles with the same or a similar title:', othersNumbered: 'Other roles with the same or a similar title (type a number to open):', noDept: 'department not stated', notStated: 'not stated in the document', chain: 'Reporting line' },
};

export function ui(lang: Lang | undefined): (typeof UI)['zh'] {
  return UI[lang ?? 'zh'];
}

const VIA: Record<Lang, Record<Understood['via'], string>> = {
  zh: { synonym: '同义词', english: '英文', glossary: '公司词汇表' },
  en: { synonym: 'synonym', english: 'translated', glossary: 'company glossary' },
};

/** "司机 → 驾驶员 (同义词)": how the question's words were taken, so a wrong match is visible; '' if as typed. */
export function understoodLine(a: Answer): string {
  const u = a.understood;
  if (!u) return '';
  const lang = a.lang ?? 'zh';
  return `${u.from} → ${u.to} (${VIA[lang][u.via]})`;
}

/** The Slack card's words (labels, buttons, notes) in each language. */
export const CARD_UI = {
  zh: {
    colon: '：',
    more: (n: number) => `_…另有 ${n} 条_`,
    lines: (a: number, b: number) => (a === b ? `第 ${a} 行` : `第 ${a}–${b} 行`),
    source: '来源：',
    andMore: (n: number) => ` 等 ${n} 个`,
    thisRole: '◀ 本岗位',
    treeMore: (n: number) => `…另有 ${n} 个`,
    alternatives: (n: number) => `还有 ${n} 个相近的岗位，点一个查看：`,
    noDuties: '_文档中没有列出职责。_',
    notStated: '文档中没有写明',
    dutyCount: (n: number) => `${n} 条职责`,
    openFull: '查看完整岗位',
    open: '查看岗位',
    noHits: (t: string) => `没有岗位的职责提到“${t}”。`,
    hitsNote: (n: number, t: string) => `${n} 个岗位的职责与“${t}”相关，按相关度排序。`,
    whoFallback: (t: string, list: string) => `谁负责 ${t}：${list || '没有找到'}`,
    notFound: (q: string) => `没有找到与“${q}”匹配的岗位。`,
    notFoundShort: (q: string) => `没有找到“${q}”`,
    didYouMean: '你是不是要找：',
    hint: '试试 `/role 岗位名称`、`/role 谁负责处理业主投诉` 或 `/role help`。',
    showAll: '显示全部',
    share: '发到频道',
    cut: '_内容过长，已截断；完整内容请查看来源文档。_',
  },
  en: {
    colon: ': ',
    more: (n: number) => `_…${n} more_`,
    lines: (a: number, b: number) => (a === b ? `line ${a}` : `lines ${a}–${b}`),
    source: 'Source: ',
    andMore: (n: number) => ` (${n} in all)`,
    thisRole: '◀ this role',
    treeMore: (n: number) => `…${n} more`,
    alternatives: (n: number) => `${n} more roles with a similar title; pick one:`,
    noDuties: '_The document lists no duties._',
    notStated: 'not stated in the document',
    dutyCount: (n: number) => `${n} duties`,
    openFull: 'Full role',
    open: 'Open role',
    noHits: (t: string) => `No role's duties mention “${t}”.`,
    hitsNote: (n: number, t: string) => `${n} roles whose duties match “${t}”, best first.`,
    whoFallback: (t: string, list: string) => `Who handles ${t}: ${list || 'nothing found'}`,
    notFound: (q: string) => `No role matches “${q}”.`,
    notFoundShort: (q: string) => `Nothing found for “${q}”`,
    didYouMean: 'Did you mean:',
    hint: 'Try `/role job title`, `/role who handles customer complaints?` or `/role help`.',
    showAll: 'Show all',
    share: 'Post to channel',
    cut: '_Too long for one message, cut here; see the source document for the rest._',
  },
};
