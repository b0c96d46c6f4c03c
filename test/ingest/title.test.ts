import { describe, expect, it } from 'vitest';
import { departmentInTitle, splitTitle } from '../../src/ingest/title.js';

describe('splitTitle', () => {
  it('removes numbering, article prefixes and heading suffixes', () => {
    expect(splitTitle('推荐第3篇:质量工程师岗位职责').title).toBe('质量工程师');
    expect(splitTitle('一.客服部主管职责').title).toBe('客服部主管');
    expect(splitTitle('2.0物业经理岗位职责').title).toBe('物业经理');
  });

  it('turns a parenthesised other name into an alias and drops notes, places and names', () => {
    expect(splitTitle('高级驻地监理工程师 (项目总监)岗位职责')).toMatchObject({ title: '高级驻地监理工程师', aliases: ['项目总监'] });
    expect(splitTitle('体验顾问(上海)岗位职责')).toMatchObject({ title: '体验顾问', aliases: [] });
    expect(splitTitle('网店美工岗位职责(王小明)')).toMatchObject({ title: '网店美工', aliases: [] });
    expect(splitTitle('质量工程师岗位职责(汽车公司)').title).toBe('质量工程师');
  });

  it('reads a short field in brackets after the name as a specialisation', () => {
    expect(splitTitle('服务助理(会议)岗位职责')).toMatchObject({ title: '会议服务助理', aliases: ['服务助理'] });
  });

  it('drops a leading city and keeps it in the department the title names', () => {
    expect(splitTitle('上海市居转户办公室职员')).toMatchObject({ title: '居转户办公室职员', department: '上海市居转户办公室' });
  });

  it('splits a latin acronym and slash titles into aliases', () => {
    expect(splitTitle('技术客户经理TAM(base上海)职位描述与岗位职责')).toMatchObject({ title: '技术客户经理', aliases: ['TAM'] });
    expect(splitTitle('客服经理/主管').aliases).toEqual(['客服经理', '客服主管']);
  });
});

describe('departmentInTitle', () => {
  it('finds the unit a title belongs to', () => {
    expect(departmentInTitle('业务管理部经理')).toBe('业务管理部');
    expect(departmentInTitle('客服中心座席代表')).toBe('客服中心');
    expect(departmentInTitle('人事部门经理')).toBe('人事部门');
  });

  it('is null when the title names no unit', () => {
    expect(departmentInTitle('部门经理')).toBeNull();
    expect(departmentInTitle('销售总监')).toBeNull();
  });
});
