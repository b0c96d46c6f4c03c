/**
 * Hand-kept word lists the generated table cannot supply: rank words (they tell roles apart, so no synonym
 * rule may merge them), English title modifiers CC-CEDICT glosses poorly (sous, deputy, senior) and the
 * workplace abbreviations it lacks (QC, HR, CFO). General Chinese/English workplace vocabulary only, never a
 * document's phrases.
 */

/** Rank and position words: 经理 and 主管 are different jobs even where a dictionary glosses both "manager". */
export const RANK_WORDS = [
  '经理', '总经理', '副经理', '主管', '主任', '总监', '副总监', '组长', '班长', '领班', '队长', '部长', '科长', '处长',
  '厂长', '店长', '站长', '主席', '总裁', '董事', '助理', '专员', '干事', '秘书', '文员', '负责人', '总管', '主理',
];

/** English title words → the Chinese affixes titles use for them (tried before the dictionary). */
export const TITLE_AFFIXES: Record<string, string[]> = {
  sous: ['副'],
  deputy: ['副'],
  vice: ['副'],
  assistant: ['助理', '副'],
  senior: ['高级', '资深'],
  junior: ['初级'],
  chief: ['首席', '总'],
  head: ['主', '长'],
  general: ['总'],
  lead: ['主'],
  manager: ['经理'],
  supervisor: ['主管'],
  director: ['总监', '主任'],
  officer: ['专员'],
  specialist: ['专员'],
  clerk: ['文员', '员'],
  staff: ['员'],
  executive: ['主管', '专员'],
  engineer: ['工程师'],
  technician: ['技术员'],
  operator: ['操作员'],
  team: ['组', '班'],
  leader: ['长', '组长'],
  night: ['夜'],
  front: ['前'],
  office: ['厅', '办公室'],
};

/** Workplace abbreviations typed in English or inside Chinese titles (HR专员) → the Chinese words for them. */
export const ABBREVIATIONS: Record<string, string[]> = {
  hr: ['人力资源', '人事'],
  hrbp: ['人力资源业务伙伴', 'hrbp'],
  qc: ['质检', '品控', '品管', '质量控制'],
  qa: ['质量保证', '品保', '测试'],
  pm: ['项目经理', '产品经理'],
  gm: ['总经理'],
  ceo: ['首席执行官', '总裁', '总经理'],
  cfo: ['首席财务官', '财务总监'],
  cto: ['首席技术官', '技术总监'],
  coo: ['首席运营官', '运营总监'],
  vp: ['副总裁', '副总经理'],
  it: ['信息技术', '网管'],
  bd: ['商务拓展', '业务拓展'],
  cs: ['客服', '客户服务'],
  pr: ['公关', '公共关系'],
  ka: ['大客户'],
  'r&d': ['研发'],
  rd: ['研发'],
};
