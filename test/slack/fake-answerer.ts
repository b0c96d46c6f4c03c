/**
 * A small Answerer over fixture roles, for the Slack tests: exact titles, "谁负责X", "X的上级是谁",
 * ids; everything else is notFound. It records the questions it was asked.
 */
import type { Answer, Answerer, ReportingLine } from '../../src/answer/types.js';
import type { Role } from '../../src/roles/schema.js';

let line = 1;
export function role(id: string, title: string, more: Partial<Role> = {}): Role {
  const startLine = line;
  line += 20;
  return {
    id,
    title,
    aliases: [],
    department: null,
    reportsTo: null,
    directReports: [],
    duties: [],
    requirements: [],
    source: { file: 'fixture.txt', startLine, endLine: startLine + 10 },
    ...more,
  };
}

export const ROLES: Role[] = [
  role('r-kfzg', '客服主管', {
    department: '客服部',
    reportsTo: '客服经理',
    directReports: ['客服专员'],
    duties: ['负责客服部日常管理工作', '负责处理业主投诉及回访', '组织客服培训'],
    requirements: ['大专以上学历', '三年以上客服经验'],
  }),
  role('r-kfjl', '客服经理', { department: '客服部', directReports: ['客服主管'], duties: ['制定客服工作计划'] }),
  role('r-kfzy', '客服专员', { department: '客服部', reportsTo: '客服主管', duties: ['接听业主来电', '登记业主投诉'] }),
  role('r-kj', '会计', { department: '财务部', reportsTo: '财务经理', duties: ['负责日常账务处理'] }),
  role('r-evil', '<!channel> 经理 <http://evil.example|点我>', {
    department: '<!here> & <@U999>',
    reportsTo: '<!everyone>',
    duties: ['<!channel> 注意 <https://evil.example|登录>', 'a & b > c < d', '*粗体* _斜体_ `code`'],
    requirements: ['<!subteam^S123|@all>'],
  }),
  role('r-long', '超长岗位', {
    department: '部'.repeat(400),
    duties: Array.from({ length: 300 }, (_, i) => `第${i + 1}条职责：${'处理投诉与回访，'.repeat(40)}<!channel>`),
    requirements: Array.from({ length: 80 }, (_, i) => `要求${i}：${'<>&'.repeat(500)}`),
    directReports: Array.from({ length: 60 }, (_, i) => `下属岗位${i}`),
  }),
];

export class FakeAnswerer implements Answerer {
  readonly asked: string[] = [];
  constructor(private readonly roles: Role[] = ROLES) {}

  private byTitle(t: string): Role[] {
    return this.roles.filter((r) => r.title === t);
  }

  private reporting(r: Role): ReportingLine {
    const link = (name: string) => ({ name, role: this.byTitle(name)[0] ?? null });
    return { chain: r.reportsTo ? [link(r.reportsTo)] : [], directReports: r.directReports.map(link) };
  }

  private card(r: Role, question: string, alternatives: Role[] = []): Answer {
    return {
      kind: 'role',
      question,
      intent: 'role',
      best: { role: r, score: 1 },
      alternatives: alternatives.map((role) => ({ role, score: 0.5 })),
      reporting: this.reporting(r),
    };
  }

  ask(question: string): Answer {
    this.asked.push(question);
    const exact = this.byTitle(question);
    if (exact.length) return this.card(exact[0], question, exact.slice(1));
    const who = /^谁负责(.+)$/.exec(question);
    if (who) {
      const topic = who[1];
      const hits = this.roles
        .map((r) => ({
          role: r,
          score: 1,
          evidence: r.duties
            .map((text, index) => ({ index, text, at: text.indexOf(topic) }))
            .filter((e) => e.at >= 0)
            .map(({ index, text, at }) => ({ index, text, marks: [[at, at + topic.length]] as Array<[number, number]> })),
        }))
        .filter((h) => h.evidence.length > 0);
      return { kind: 'who', question, intent: 'who', topic, hits };
    }
    const boss = /^(.+)的上级是谁$/.exec(question);
    if (boss && this.byTitle(boss[1]).length) {
      const r = this.byTitle(boss[1])[0];
      return {
        kind: 'field',
        question,
        intent: 'field',
        field: 'reportsTo',
        best: { role: r, score: 1 },
        alternatives: [],
        reporting: this.reporting(r),
        answer: r.reportsTo ?? '',
      };
    }
    const suggestions = this.roles
      .filter((r) => [...question].some((ch) => r.title.includes(ch)))
      .map((role) => ({ role, score: 0.1 }));
    return { kind: 'notFound', question, intent: 'role', query: question, suggestions };
  }

  roleById(id: string): Answer {
    const r = this.roles.find((x) => x.id === id);
    return r ? this.card(r, id) : { kind: 'notFound', question: id, intent: 'role', query: id, suggestions: [] };
  }
}
