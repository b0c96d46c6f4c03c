/**
 * The App Home tab: what rolebot does, how to ask (examples from the company's own roles), roles the last
 * refresh added or changed, departments with their roles as buttons, and for admins an insights summary.
 * A big company has thousands of roles and hundreds of departments while a Home view holds 100 blocks:
 * departments are paged, each showing its first roles with a button to page through the rest.
 */
import type { types } from '@slack/bolt';
import type { Insights } from '../insights/insights.js';
import { context, fitEscaped, fitPlain, header, LIMITS, section } from '../render/blocks.js';
import type { Department, RecentChanges, RoleSummary } from '../store/catalog.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

export const HOME_ACTIONS = { role: 'home_role', page: 'home_page', department: 'home_department' } as const;
/** Slack's limit for a Home tab or modal view. */
export const VIEW_BLOCKS = 100;
export const PAGE = { departments: 8, rolesPerDepartment: 10, departmentRoles: 75, changed: 10 } as const;
const NO_DEPARTMENT = '未注明部门';

export type HomeState = { kind: 'overview'; page: number } | { kind: 'department'; name: string | null; page: number };

/** Where a Home button leads: `p:<page>` or `d:<page>:<department>` (empty: the roles without one). */
export function encodeHomeState(s: HomeState): string {
  return s.kind === 'overview' ? `p:${s.page}` : `d:${s.page}:${s.name === null ? '' : `=${s.name}`}`;
}

export function decodeHomeState(v: string): HomeState | null {
  const p = /^p:(\d{1,6})$/.exec(v);
  if (p) return { kind: 'overview', page: Number(p[1]) };
  const d = /^d:(\d{1,6}):(=[\s\S]{1,1000})?$/.exec(v);
  return d ? { kind: 'department', page: Number(d[1]), name: d[2] ? d[2].slice(1) : null } : null;
}

function button(label: string, actionId: string, value: string, style?: 'primary'): Button {
  const b: Button = { type: 'button', text: { type: 'plain_text', text: fitPlain(label, LIMITS.buttonText) || '—', emoji: false }, action_id: actionId, value: value.slice(0, LIMITS.buttonValue) };
  if (style) b.style = style;
  return b;
}

/** Role buttons, 25 to an actions block; action_ids numbered so each is unique in the view. */
function roleButtons(roles: RoleSummary[], ids: { n: number }): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < roles.length; i += LIMITS.actionsElements) {
    const elements = roles.slice(i, i + LIMITS.actionsElements).map((r) => button(r.title, `${HOME_ACTIONS.role}:${ids.n++}`, `role:${r.id}`));
    out.push({ type: 'actions', elements });
  }
  return out;
}

const deptName = (d: { name: string | null }) => d.name ?? NO_DEPARTMENT;

function pager(action: string, page: number, pages: number, state: (p: number) => string): KnownBlock[] {
  if (pages <= 1) return [];
  const els = [
    ...(page > 0 ? [button('‹ 上一页', `${action}:prev`, state(page - 1))] : []),
    ...(page < pages - 1 ? [button('下一页 ›', `${action}:next`, state(page + 1))] : []),
  ];
  return [context(`第 ${page + 1} / ${pages} 页`), ...(els.length ? [{ type: 'actions', elements: els } as KnownBlock] : [])];
}

export type HomeData = {
  departments: Department[];
  changes: RecentChanges | null;
  /** For ROLEBOT_ADMINS only; null for everyone else. */
  insights: { days: number; questions: number; insights: Insights } | null;
};

/** "How to ask", with the company's own titles where there are any. */
function howToAsk(departments: Department[]): KnownBlock[] {
  const biggest = [...departments].sort((a, b) => b.roles.length - a.roles.length);
  const a = biggest[0]?.roles[0]?.title;
  const b = biggest[1]?.roles[0]?.title ?? biggest[0]?.roles[1]?.title;
  const code = (s: string) => `\`${fitEscaped(s, 60).replace(/`/g, "'")}\``;
  return [
    section(
      [
        '*怎么问*',
        `• 查一个岗位：${code(`/role ${a ?? '客服主管'}`)}　→ 职责、汇报关系、任职要求`,
        `• 问某一项：${code(`/role ${b ?? a ?? '会计'}的上级是谁`)}`,
        `• 谁负责某件事：${code('/role 谁负责处理投诉')}`,
        '• 在频道里 `@rolebot 问题`，或在这里的“消息”标签页直接私信。',
      ].join('\n'),
    ),
  ];
}

function changesBlocks(c: RecentChanges | null, ids: { n: number }): KnownBlock[] {
  if (!c || (!c.added.length && !c.changed.length)) return [];
  const roles = [...c.added, ...c.changed];
  const shown = roles.slice(0, PAGE.changed);
  const when = c.at ? `（${c.at.slice(0, 10)}）` : '';
  return [
    section(`*最近一次更新${when}*　新增 ${c.added.length} 个岗位，修改 ${c.changed.length} 个${roles.length > shown.length ? `，下面是前 ${shown.length} 个` : ''}：`),
    ...roleButtons(shown, ids),
  ];
}

function insightsBlocks(i: NonNullable<HomeData['insights']>): KnownBlock[] {
  const { unanswered, negative, topRoles, neverAsked } = i.insights;
  const list = (xs: Array<{ question: string; count: number }>) => xs.slice(0, 5).map((x) => `• ${x.count} × ${fitEscaped(x.question, 100)}`).join('\n');
  return [
    { type: 'divider' },
    header(`提问情况（最近 ${i.days} 天，仅管理员可见）`),
    section(
      `${i.questions} 个问题；${unanswered.length} 组没有答案或答案较弱；${negative.length} 组被标记“不对”；` +
        `问得最多：${topRoles.slice(0, 5).map((r) => fitEscaped(r.title, 40)).join('、') || '—'}；${neverAsked.length} 个岗位从未被问到。`,
    ),
    ...(unanswered.length ? [section(`*没有找到答案的问题*\n${list(unanswered)}`)] : []),
    ...(negative.length ? [section(`*被标记“不对”的回答*\n${list(negative)}`)] : []),
    context('完整列表：`npm run insights`（也在每次 `npm run refresh` 的报告里）。'),
  ];
}

function intro(): KnownBlock[] {
  return [
    header('rolebot：岗位职责问答'),
    section('按公司自己的岗位说明书回答“这个岗位做什么”：职责、汇报关系、任职要求；也能回答“谁负责某件事”。回答下面可以点 *有用* / *不对*，帮助 HR 改进资料。'),
  ];
}

export function homeView(data: HomeData, state: HomeState): types.HomeView {
  const ids = { n: 0 };
  const blocks: KnownBlock[] = state.kind === 'overview' ? overview(data, state.page, ids) : departmentPage(data, state, ids);
  // every section above is bounded by the page sizes; this only guards against a future change
  return { type: 'home', blocks: blocks.slice(0, VIEW_BLOCKS) };
}

function overview(data: HomeData, page: number, ids: { n: number }): KnownBlock[] {
  const depts = data.departments;
  const pages = Math.max(1, Math.ceil(depts.length / PAGE.departments));
  const p = Math.min(page, pages - 1);
  const roles = depts.reduce((n, d) => n + d.roles.length, 0);
  const blocks: KnownBlock[] = [...intro(), ...howToAsk(depts), ...changesBlocks(data.changes, ids)];
  if (data.insights) blocks.push(...insightsBlocks(data.insights));
  blocks.push({ type: 'divider' }, header(`部门与岗位（${depts.length} 个部门，${roles} 个岗位）`));
  if (!depts.length) blocks.push(section('索引里还没有岗位。HR 把岗位说明书放进文档文件夹后运行 `npm run refresh`。'));
  for (const d of depts.slice(p * PAGE.departments, (p + 1) * PAGE.departments)) {
    const shown = d.roles.slice(0, PAGE.rolesPerDepartment);
    const all = button(`全部 ${d.roles.length} 个 ›`, `${HOME_ACTIONS.department}:${ids.n++}`, encodeHomeState({ kind: 'department', name: d.name, page: 0 }));
    blocks.push(section(`*${fitEscaped(deptName(d), 200)}*　${d.roles.length} 个岗位`, d.roles.length > shown.length ? all : undefined), ...roleButtons(shown, ids));
  }
  blocks.push(...pager(HOME_ACTIONS.page, p, pages, (n) => encodeHomeState({ kind: 'overview', page: n })));
  return blocks;
}

function departmentPage(data: HomeData, state: Extract<HomeState, { kind: 'department' }>, ids: { n: number }): KnownBlock[] {
  const back = button('‹ 返回首页', `${HOME_ACTIONS.page}:back`, encodeHomeState({ kind: 'overview', page: 0 }));
  const d = data.departments.find((x) => x.name === state.name);
  if (!d) return [...intro(), section('这个部门在当前索引里已经没有了。'), { type: 'actions', elements: [back] }];
  const pages = Math.max(1, Math.ceil(d.roles.length / PAGE.departmentRoles));
  const p = Math.min(state.page, pages - 1);
  return [
    header(fitPlain(deptName(d), LIMITS.headerText)),
    { type: 'actions', elements: [back] },
    context(`${d.roles.length} 个岗位，点一个查看职责、汇报关系和任职要求。`),
    ...roleButtons(d.roles.slice(p * PAGE.departmentRoles, (p + 1) * PAGE.departmentRoles), ids),
    ...pager(HOME_ACTIONS.department, p, pages, (n) => encodeHomeState({ kind: 'department', name: d.name, page: n })),
  ];
}
