/** Labels in the language a question was asked in, and the one line saying what was understood. */
import type { Answer, Field, Understood } from '../answer/types.js';

export type Lang = 'zh' | 'en';

export const FIELD_LABELS: Record<Lang, Record<Field, string>> = {
  zh: { reportsTo: '直属上级', department: '所属部门', directReports: '直接下属', duties: '岗位职责', requirements: '任职要求' },
  en: { reportsTo: 'Reports to', department: 'Department', directReports: 'Direct reports', duties: 'Duties', requirements: 'Requirements' },
};

const UI = {
  zh: { aka: '又称', none: '未注明', source: '来源', lines: (a: number, b: number) => `第 ${a}–${b} 行`, related: (t: string) => `与「${t}」相关的岗位：`, duty: (n: number) => `第 ${n} 条职责`, notFoundWho: (q: string) => `没有找到负责「${q}」的岗位。`, notFoundRole: (q: string) => `没有找到岗位「${q}」。`, didYouMean: '你是不是要找：', help: '输入 help 查看提问方式。', others: '其他同名或相近的岗位：', noDept: '部门未注明', notStated: '文档中未注明', chain: '汇报线' },
  en: { aka: 'also called', none: 'not stated', source: 'Source', lines: (a: number, b: number) => `lines ${a}–${b}`, related: (t: string) => `Roles whose duties match “${t}”:`, duty: (n: number) => `duty ${n}`, notFoundWho: (q: string) => `No role's duties mention “${q}”.`, notFoundRole: (q: string) => `No role called “${q}” was found.`, didYouMean: 'Did you mean: ', help: 'Type help to see what you can ask.', others: 'Other roles with the same or a similar title:', noDept: 'department not stated', notStated: 'not stated in the document', chain: 'Reporting line' },
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
