/** The role card's reporting line as a small text tree, and the optional link to the HR report page. */
import { describe, expect, it } from 'vitest';
import type { RoleAnswer } from '../../src/answer/types.js';
import { loadConfig, loadReportUrl } from '../../src/config.js';
import { LIMITS, renderAnswer } from '../../src/render/blocks.js';
import { reportingTree } from '../../src/render/tree.js';
import type { Role } from '../../src/roles/schema.js';
import { allText, blockKitProblems } from './blockkit.js';
import { FakeAnswerer } from './fake-answerer.js';

const fake = new FakeAnswerer();
const labels = { self: '◀ 本岗位', more: (n: number) => `…另有 ${n} 个` };
const role = (title: string, extra: Partial<Role> = {}): Role => ({ id: title, title, aliases: [], department: null, reportsTo: null, directReports: [], duties: [], requirements: [], source: { file: 'a.txt', startLine: 1, endLine: 2 }, ...extra });
const link = (name: string) => ({ name, role: role(name) });

describe('reportingTree', () => {
  it('draws superiors above (farthest first), the role, then its direct reports', () => {
    const lines = reportingTree(role('客服主管'), { chain: [link('客服经理'), link('总经理')], directReports: [link('客服专员'), link('客服管家')] }, 8, labels);
    expect(lines).toEqual(['总经理', '└─ 客服经理', '   └─ 客服主管  ◀ 本岗位', '      ├─ 客服专员', '      └─ 客服管家']);
  });

  it('falls back to the names the document states, caps the reports and long names, and is empty with no reporting at all', () => {
    const r = role('保洁员', { reportsTo: '物业主管', directReports: Array.from({ length: 12 }, (_, i) => `保洁${i}组`) });
    const lines = reportingTree(r, { chain: [], directReports: [] }, 8, labels);
    expect(lines[0]).toBe('物业主管');
    expect(lines).toHaveLength(1 + 1 + 8 + 1);
    expect(lines.at(-1)).toBe('   └─ …另有 4 个');
    expect(reportingTree(role('甲'.repeat(80)), { chain: [link('乙')], directReports: [] }, 8, labels)[1]).toBe(`└─ ${'甲'.repeat(29)}…  ◀ 本岗位`);
    expect(reportingTree(role('会计'), { chain: [], directReports: [] }, 8, labels)).toEqual([]);
  });
});

describe('role card', () => {
  it('shows the reporting tree in a code block, escaped, within Block Kit limits', () => {
    const msg = renderAnswer(fake.ask('客服主管'));
    expect(blockKitProblems(msg)).toEqual([]);
    expect(allText(msg)).toContain('```客服经理\\n└─ 客服主管  ◀ 本岗位\\n   └─ 客服专员```');
    const evil = renderAnswer(fake.roleById('r-evil'), { full: true });
    expect(blockKitProblems(evil)).toEqual([]);
    expect(allText(evil)).toContain('```&lt;!everyone&gt;\\n└─ &lt;!channel&gt; 经理 &lt;http://evil.ex…  ◀ 本岗位');
  });

  it('a huge reporting line still fits one section', () => {
    const big: RoleAnswer = {
      ...(fake.ask('客服主管') as RoleAnswer),
      reporting: { chain: [link('<&>'.repeat(40)), link('&'.repeat(60))], directReports: Array.from({ length: 40 }, (_, i) => link(`${'&'.repeat(50)}${i}`)) },
    };
    for (const full of [false, true]) {
      const msg = renderAnswer(big, { full });
      expect(blockKitProblems(msg)).toEqual([]);
      const tree = (msg.blocks as Array<{ type: string; text?: { text: string } }>).find((b) => b.type === 'section' && b.text?.text.includes('```'))!.text!.text;
      expect(tree.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(tree.endsWith('```')).toBe(true);
    }
  });

  it('links to the role on the HR report page when ROLEBOT_REPORT_URL is set, and only then', () => {
    expect(allText(renderAnswer(fake.ask('客服主管')))).not.toContain('HR 报告');
    const msg = renderAnswer(fake.ask('客服主管'), { reportUrl: 'https://intranet.example/hr/rolebot.db.report.html?a=1|<x>' });
    const expected = '<https://intranet.example/hr/rolebot.db.report.html?a=1%7C%3Cx%3E#r-r-kfzg|HR 报告：组织架构与结构检查>';
    expect(allText(msg)).toContain(JSON.stringify(expected));
    // the link is the one piece of markup the card may carry; everything else passes the usual checks
    const rest = { ...msg, blocks: msg.blocks.map((b) => (b.type === 'context' ? { ...b, elements: b.elements.filter((e) => !('text' in e && e.text === expected)) } : b)) };
    expect(blockKitProblems(rest)).toEqual([]);
  });
});

describe('ROLEBOT_REPORT_URL', () => {
  it('is optional, must be http(s), and reaches the app config', () => {
    expect(loadReportUrl({})).toBeUndefined();
    expect(loadReportUrl({ ROLEBOT_REPORT_URL: '' })).toBeUndefined();
    expect(() => loadReportUrl({ ROLEBOT_REPORT_URL: 'file:///srv/report.html' })).toThrow(/ROLEBOT_REPORT_URL: must be the http\(s\) URL/);
    expect(loadConfig({ ROLEBOT_REPORT_URL: 'https://hr.example/report.html' }).reportUrl).toBe('https://hr.example/report.html');
    expect(loadConfig({})).not.toHaveProperty('reportUrl');
  });
});
