import { describe, expect, it } from 'vitest';
import { cleanDuties } from '../../src/ingest/duties.js';

describe('cleanDuties', () => {
  it('drops a table of contents run into an item, keeps items that merely number their parts', () => {
    const toc = '内勤职责 三、职责权限 四、客服部工作规范 (一)、服务原则 (二)、服务公约 五、客服部工作制度';
    expect(cleanDuties([toc, '负责收发文件。', '一、收集意见;二、整理上报'])).toEqual(['负责收发文件。', '一、收集意见;二、整理上报']);
  });

  it("removes the next section's heading left after an item's last sentence, not a heading word inside a duty", () => {
    expect(cleanDuties(['完成上级领导交办的其它工作任务。 13.2.2 (1、2、33楼大堂)客服员工作职责'])).toEqual(['完成上级领导交办的其它工作任务。']);
    expect(cleanDuties(['明确各岗位职责'])).toEqual(['明确各岗位职责']);
  });

  it('joins Chinese words broken by a stray space, keeps spaces next to latin words', () => {
    expect(cleanDuties(['定期进行回访征 询意见', '使用 PMS 系统办理入住'])).toEqual(['定期进行回访征询意见', '使用 PMS 系统办理入住']);
  });
});
