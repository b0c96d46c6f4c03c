/**
 * "Who handles X" ranked by whole words, over the bundled sample documents: the hand-written questions in
 * test/fixtures/who-questions.jsonl (each with the roles that answer it) and the cases issue 12 reported.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import type { Answer } from '../../src/answer/types.js';
import { EXAMPLES_DIR, PROJECT_ROOT } from '../../src/config.js';
import { ingestFolder } from '../../src/ingest/pipeline.js';
import { writeIndex } from '../../src/store/db.js';
import { groupMatch, segmentLine, termGroups, trimDictionary, wordMatch } from '../../src/search/words.js';

const docs = EXAMPLES_DIR;
const work = mkdtempSync(path.join(os.tmpdir(), 'rolebot-who-'));
let answerer: ReturnType<typeof openAnswerer>;

beforeAll(async () => {
  const dbPath = path.join(work, 'index.db');
  writeIndex(dbPath, await ingestFolder(docs));
  answerer = openAnswerer(dbPath);
});
afterAll(() => {
  answerer?.close();
  rmSync(work, { recursive: true, force: true });
});

const hits = (a: Answer) => (a.kind === 'who' ? a.hits : []);
const marked = (text: string, marks: Array<[number, number]>) => marks.map(([s, e]) => text.slice(s, e));

describe('word matching', () => {
  it('counts a word only where the line has it as a word', () => {
    expect(wordMatch(segmentLine('负责公司内部文件的收发工作'), '发工').credit).toBe(0);
    expect(wordMatch(segmentLine('掌握最真实可靠的施工资料'), '工资').credit).toBe(0);
    expect(wordMatch(segmentLine('按时发放工资'), '工资').credit).toBe(1);
    // a letter-spaced leftover of a scraped page is still one word
    expect(wordMatch(segmentLine('定期进行回访征 询意见'), '征询').credit).toBe(1);
  });

  it('finds a question word through its parts, and marks the original text', () => {
    const [g] = termGroups('发工资');
    const line = segmentLine('制作公司每月的工资报表,按时发放工资');
    const m = groupMatch(line, g);
    expect(m.credit).toBeGreaterThan(0.4);
    expect(marked('制作公司每月的工资报表,按时发放工资', m.marks)).toContain('工资');
  });

  it('joins back the characters of a word the dictionary lacks, not particles and pronouns', () => {
    // jieba cuts 续卡 (renew a card) into 续 / 卡; 快 and 了 stay words of their own
    expect(termGroups('健身卡快到期了续卡').map((g) => g.word)).toEqual(['健身卡', '到期', '续卡']);
    expect(termGroups('我想存钱取钱').map((g) => g.word)).toEqual(['存钱', '取钱']);
  });
});

describe('the trimmed dictionary', () => {
  it('drops rare names and idioms only', () => {
    const dict = Buffer.from(['客服 3 n', '张三丰 3 nr', '北京 34488 ns', '大同小异 8 i', '淘宝 3 nz', '发工资 3 l', 'x'].join('\n'));
    expect(trimDictionary(dict).toString('utf8').split('\n')).toEqual(['客服 3 n', '北京 34488 ns', '淘宝 3 nz', '发工资 3 l', 'x']);
  });
});

describe('who handles, on the bundled documents', () => {
  it('never ranks or marks a match that exists only across a word boundary', () => {
    const a = answerer.ask('谁负责发工资');
    expect(hits(a).length).toBeGreaterThan(0);
    // 收【发工】作 and 施【工资】料 share bigrams with the question but not its words
    for (const h of hits(a)) for (const e of h.evidence) expect(e.text).not.toMatch(/收发工作|施工资料/);
    const titles = hits(a).map((h) => h.role.title);
    expect(titles).not.toContain('前台客服');
    expect(titles).not.toContain('监理员');
  });

  it('puts roles whose duty lines hold the question words before roles that hold only some of them', () => {
    const a = answerer.ask('谁负责处理业主投诉');
    const top = hits(a)[0];
    expect(top.evidence.some((e) => /投诉/.test(e.text))).toBe(true);
  });

  const questions = readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'who-questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { q: string; expect: string[] });

  it('answers the 30 hand-written who questions: hit@1 and hit@3 above their floors', () => {
    let at1 = 0;
    let at3 = 0;
    const misses: string[] = [];
    for (const { q, expect: roles } of questions) {
      const titles = hits(answerer.ask(q)).map((h) => h.role.title);
      if (roles.includes(titles[0])) at1++;
      if (titles.slice(0, 3).some((t) => roles.includes(t))) at3++;
      else misses.push(`${q} → ${titles.slice(0, 3).join('、')}`);
    }
    expect(questions).toHaveLength(30);
    // measured: hit@1 25/30 → 28/30, hit@3 29/30 on both (the miss is a synonym question: 审批 vs 接收申请)
    expect(at1, misses.join('\n')).toBeGreaterThanOrEqual(27);
    expect(at3, misses.join('\n')).toBeGreaterThanOrEqual(28);
  });
});
