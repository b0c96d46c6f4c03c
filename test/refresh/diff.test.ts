import { describe, expect, it } from 'vitest';
import { finalizeRoles, type Role, type RoleDraft } from '../../src/roles/schema.js';
import { diffRoles } from '../../src/refresh/diff.js';
import { findWarnings } from '../../src/refresh/warnings.js';

function role(file: string, title: string, extra: Partial<RoleDraft> = {}): Role {
  const draft: RoleDraft = { title, aliases: [], department: null, reportsTo: null, directReports: [], duties: ['处理投诉'], requirements: [], source: { file, startLine: 1, endLine: 3 }, ...extra };
  return finalizeRoles([draft])[0];
}

describe('diffRoles', () => {
  it('names each changed field, with list items added and removed; moved lines are no change', () => {
    const before = role('a.txt', '客服主管', { reportsTo: '客服经理', duties: ['处理投诉', '回访'], requirements: ['大专'] });
    const after = role('a.txt', '客服主管', { reportsTo: '总经理', duties: ['处理投诉', '培训'], requirements: ['大专'], department: '客服部', source: { file: 'a.txt', startLine: 9, endLine: 12 } });
    const d = diffRoles([before], [after]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed[0].fields).toEqual([
      { field: 'department', kind: 'value', before: null, after: '客服部' },
      { field: 'reportsTo', kind: 'value', before: '客服经理', after: '总经理' },
      { field: 'duties', kind: 'list', added: ['培训'], removed: ['回访'] },
    ]);
    expect(diffRoles([before], [role('a.txt', '客服主管', { reportsTo: '客服经理', duties: ['处理投诉', '回访'], requirements: ['大专'], source: { file: 'a.txt', startLine: 5, endLine: 9 } })]).changed).toEqual([]);
  });

  it('reports a retitled role with the same duties as a title change, not a removal plus an addition', () => {
    const d = diffRoles([role('a.txt', '客服主管'), role('a.txt', '保洁员', { duties: ['清洁'] })], [role('a.txt', '客服部主管'), role('b.txt', '保安员', { duties: ['清洁'] })]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ title: '客服部主管', fields: [{ field: 'title', before: '客服主管', after: '客服部主管' }] });
    expect(d.added.map((r) => r.title)).toEqual(['保安员']);
    expect(d.removed.map((r) => r.title)).toEqual(['保洁员']);
  });
});

describe('findWarnings', () => {
  it('flags roles with no duties, conflicting duties across documents, and a reportsTo that names no role', () => {
    const roles = [
      role('a.txt', '客服主管', { reportsTo: '客服经理', duties: ['处理投诉'] }),
      role('b.txt', '客服主管', { reportsTo: '客服经理', duties: ['管理团队'] }),
      role('c.txt', '客服经理', { reportsTo: '總經理', duties: ['管理客服部'] }),
      role('c.txt', '总经理', { duties: [] }),
      role('d.txt', '保洁员', { reportsTo: '物业主管', duties: ['清洁'] }),
      role('e.txt', '保洁员', { duties: ['清洁'] }),
      role('e.txt', '保安员', { reportsTo: '客服经理/物业主管', duties: ['值守'] }),
    ];
    const w = findWarnings(roles);
    expect(w.filter((x) => x.kind === 'noDuties').map((x) => x.kind === 'noDuties' && x.role.title)).toEqual(['总经理']);
    const conflicts = w.filter((x) => x.kind === 'conflict');
    expect(conflicts.map((x) => x.kind === 'conflict' && x.title)).toEqual(['客服主管']);
    // Traditional 總經理 is the same role as 总经理; only 物业主管 is missing.
    expect(w.filter((x) => x.kind === 'unknownReportsTo')).toEqual([expect.objectContaining({ reportsTo: '物业主管', role: expect.objectContaining({ title: '保洁员', file: 'd.txt' }) })]);
  });

  it('a title repeated inside one document is no conflict across documents (it is a duplicate in the document)', () => {
    expect(findWarnings([role('a.txt', '客服主管', { duties: ['x'] }), role('a.txt', '客服主管', { duties: ['y'] })]).map((w) => w.kind)).toEqual(['duplicateInDocument']);
  });
});
