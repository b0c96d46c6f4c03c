import { describe, expect, it } from 'vitest';
import { leafItems, splitItems } from '../../src/ingest/items.js';

describe('splitItems', () => {
  it('splits items run together on one line, numbering stripped', () => {
    expect(splitItems('(1)编制计划;(2)组织实施;(3)检查结果。').items).toEqual(['编制计划', '组织实施', '检查结果。']);
    expect(splitItems('1.接待来访; 2.登记信息\n3.归档资料').items).toEqual(['接待来访', '登记信息', '归档资料']);
  });

  it('does not split on figures inside an item', () => {
    expect(splitItems('1、具有3年以上经验,熟悉2.5版本\n2、本科学历').items).toEqual(['具有3年以上经验,熟悉2.5版本', '本科学历']);
  });

  it('keeps sub-numbered lines (3.1) inside their parent item', () => {
    const r = splitItems('1、制定制度:\n1.1 资费制度;\n1.2 渠道制度\n2、日常管理');
    expect(r.items).toHaveLength(2);
    expect(r.items[0]).toContain('资费制度');
  });

  it('reads bullets, circled numbers and number-space items', () => {
    expect(splitItems('- 负责办理\n- 协助填写').items).toEqual(['负责办理', '协助填写']);
    expect(splitItems('①建立制度②执行检查').items).toEqual(['建立制度', '执行检查']);
    expect(splitItems('1 服务跟单\n2 指导员工').items).toEqual(['服务跟单', '指导员工']);
  });

  it('follows a list over one skipped number after a sentence end', () => {
    expect(splitItems('1、甲;2、乙; 4、丁;').items).toEqual(['甲', '乙', '丁']);
    expect(splitItems('1、负责3类业务和5、6月报表').items).toEqual(['负责3类业务和5、6月报表']);
  });

  it('returns the text before the first item as intro', () => {
    const r = splitItems('监督所管辖餐厅的营运;\n1、面试和招聘\n2、开设新店');
    expect(r.intro).toBe('监督所管辖餐厅的营运');
    expect(r.items).toHaveLength(2);
  });

  it('finds no items in prose', () => {
    expect(splitItems('负责接待乘客,提供各种服务。').items).toEqual([]);
  });
});

describe('leafItems', () => {
  it('replaces 一、二、 section headings by the items under them', () => {
    expect(leafItems('一、客户管理(1)建档(2)回访二、团队管理1、培训2、考核三、其他工作').items).toEqual(['建档', '回访', '培训', '考核', '其他工作']);
  });

  it('counts a second list that follows on a new line inside one section', () => {
    expect(leafItems('一、录入信息:●建表;●命名\n(1)存云盘(2)做备份二、对接部门').items).toEqual(['建表', '命名', '存云盘', '做备份', '对接部门']);
  });

  it('counts arabic top-level items, not their sub-items', () => {
    expect(leafItems('1、团队管理\n1.1 培训\n1.2 考核\n2、客户管理').items).toHaveLength(2);
  });
});
