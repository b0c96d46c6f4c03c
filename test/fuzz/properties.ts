/**
 * Property-based robustness checks shared by the short run in `npm test` (test/fuzz/*.test.ts) and
 * the long run in `npm run fuzz` (scripts/fuzz.ts): same properties, different numbers of runs.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LogLevel, type Logger } from '@slack/bolt';
import fc from 'fast-check';
import { markdownBlocks } from '../../src/documents/readers/markdown.js';
import { lineBlocks } from '../../src/documents/readers/text.js';
import type { Answer, Answerer } from '../../src/answer/types.js';
import { ingestFolder, ingestText } from '../../src/ingest/pipeline.js';
import { renderAnswer } from '../../src/render/blocks.js';
import { RoleSchema } from '../../src/roles/schema.js';
import { NO_LOG } from '../../src/log/question-log.js';
import { NO_FEEDBACK, replyToText } from '../../src/slack/reply.js';
import { blockKitProblems } from '../slack/blockkit.js';

// ------------------------------------------------------------------ questions

/** Pieces a hostile or careless user types: Slack markup, FTS5/SQL syntax, controls, question words. */
const FRAGMENTS = [
  '<!channel>', '<!here>', '<!everyone>', '<!subteam^S123|@team>', '<@U0123ABC>', '<@W999|bob>', '<#C0001|general>',
  '<https://evil.example/x|点我>', '<mailto:a@b.c>', '&amp;', '&lt;', '&gt;', '&amp;lt;!channel&amp;gt;', '*粗体*', '_斜体_', '~删~', '`code`', '```',
  '"', "'", ' OR ', ' AND ', ' NOT ', '*', 'NEAR(', ')', '(', '^', ':', '-', '{', '}', '[', ']', '\\', ';', '--', '/*', "' OR 1=1 --",
  'roles_fts MATCH', 'DROP TABLE roles;', '%', '_', '\u0000', '\u0007', '\u001b[31m', '\r\n', '\t', '\u200b', '\u202e', '\ufeff', '\ud800', '\udfff',
  '谁负责', '是哪个岗位负责的', '由谁负责', '的直接上级是谁', '在哪个部门', '的任职要求', '的直接下属', '岗位职责', '客服主管', '会计', '总經理',
  '經理', 'jiān', '(zhǔ)', '？', '?', '、', '，', ' ', '　', '😀', '👩‍💻', 'é', 'ｆｕｌｌ', 'help', '帮助',
];

const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((xs) => xs.join(''));

/** Arbitrary question text: random Unicode, markup and syntax mixes, and occasionally very long input. */
export const questionText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fragmentText },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fragmentText, fc.string({ unit: 'grapheme-ascii', maxLength: 8 })), { maxLength: 6 }).map((xs) => xs.join(' ')) },
  // 100 KB: a pasted document, or an attack on whatever is linear in the input.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 20_000, max: 100_000 })).map(([f, n]) => f.repeat(Math.ceil(n / f.length)).slice(0, n)) },
);

const INTENTS = new Set(['role', 'who', 'field']);
const KINDS = new Set(['role', 'field', 'who', 'notFound', 'help']);

const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** Problems with one answer and its cards (empty when fine). */
function answerProblems(a: Answer): string[] {
  const problems: string[] = [];
  if (!KINDS.has(a.kind)) problems.push(`unknown kind ${String(a.kind)}`);
  if (!INTENTS.has(a.intent)) problems.push(`intent not set: ${String(a.intent)}`);
  for (const opts of [{}, { full: true }, { shareable: true }]) {
    problems.push(...blockKitProblems(renderAnswer(a, opts)).map((p) => `${JSON.stringify(opts)}: ${p}`));
  }
  return problems;
}

/**
 * The question path, both ways in: straight to the answer layer (the console and `npm run ask`
 * get raw text of any length) and as Slack text (markup, HTML escapes, length limit). Neither may
 * throw; every answer has an intent; every card is within Block Kit limits with nothing unescaped.
 */
/** Every feedback button shown: a log that hands out keys, and an HR channel. */
const WITH_FEEDBACK = { ...NO_FEEDBACK, log: { ...NO_LOG, enabled: true, record: () => 'fuzzKey0001' }, hrChannel: 'C0HR' };

export function questionProperty(answerer: Answerer): fc.IPropertyWithHooks<[string]> {
  return fc.property(questionText, (q) => {
    const problems = answerProblems(answerer.ask(q));
    const viaSlack = replyToText({ getAnswerer: () => answerer, ...WITH_FEEDBACK }, silent, q, { shareable: true, surface: 'slash' });
    problems.push(...blockKitProblems(viaSlack).map((p) => `slack: ${p}`));
    if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
  });
}

/** roleById with known ids and with arbitrary strings (button values anyone could forge). */
export function roleCardProperty(answerer: Answerer, ids: string[]): fc.IPropertyWithHooks<[string]> {
  const id = ids.length ? fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 80 })) : fc.string({ maxLength: 80 });
  return fc.property(id, (x) => {
    const problems = answerProblems(answerer.roleById(x));
    if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
  });
}

/**
 * Documents whose text attacks the cards: Slack specials, mentions, links and mrkdwn in titles and
 * duties, one very long duty, and a role with hundreds of duties (block and character limits).
 */
export function hostileDocuments(): Record<string, string> {
  const duties = (xs: string[]): string => xs.map((d, i) => `${i + 1}、${d}`).join('\n');
  return {
    'hostile-markup.txt': [
      '<!channel>客服主管岗位职责',
      duties(['处理业主投诉 <!here> 并通知 <@U0123ABC>', '点击 <https://evil.example|这里> 领取 &amp; 奖励', '*加粗* _斜体_ ~删除~ `代码` > 引用', '&lt;!everyone&gt; 转义过的特殊提及']),
      '任职要求:',
      duties(['熟悉 <#C0001|general> 频道', '能处理 " OR * NEAR( 这样的输入']),
      '',
      '<@U999>前台岗位职责',
      duties(['接待访客 <!channel>', '登记 & 发放出入证']),
    ].join('\n'),
    'hostile-size.txt': [
      '超长职责专员岗位职责',
      duties(['负责' + '处理各类投诉与建议并及时反馈'.repeat(400)]),
      '',
      '事务繁多专员岗位职责',
      duties(Array.from({ length: 300 }, (_, i) => `负责第${i + 1}项投诉处理与跟进工作 <!here>`)),
    ].join('\n'),
  };
}

// ------------------------------------------------------------------ ingest

/** Problems with what ingest produced for a folder (empty when fine). */
function folderProblems(result: Awaited<ReturnType<typeof ingestFolder>>): string[] {
  const problems: string[] = [];
  const okFiles = new Set(result.documents.filter((d) => d.status === 'ok').map((d) => d.file));
  for (const r of result.roles) {
    const parsed = RoleSchema.safeParse(r);
    if (!parsed.success) problems.push(`${r.source?.file}: record fails the schema: ${parsed.error.issues[0]?.message}`);
    if (!okFiles.has(r.source.file)) problems.push(`${r.source.file}: roles from a document reported as skipped`);
  }
  for (const d of result.documents) {
    if (d.status === 'skipped' && !d.reason) problems.push(`${d.file}: skipped without a reason`);
    const n = result.roles.filter((r) => r.source.file === d.file).length;
    if (n !== d.roles) problems.push(`${d.file}: reports ${d.roles} roles, produced ${n}`);
  }
  return problems;
}

const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.text', '.pdf', ''];

/** Real documents to cut and damage: the seed documents and anything else given. */
export function sampleDocuments(dirs: string[]): Buffer[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(path.join(e.parentPath, e.name))),
  );
}

/** A damaged document: a real one cut at any byte (mid-character too), sometimes with bytes overwritten. */
function damaged(samples: Buffer[]): fc.Arbitrary<Buffer> {
  return fc
    .tuple(fc.constantFrom(...samples), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }))
    .map(([doc, cut, flips]) => {
      const out = Buffer.from(doc.subarray(0, Math.floor(doc.length * cut)));
      for (const [at, byte] of flips) if (out.length) out[at % out.length] = byte;
      return out;
    });
}

const documentBytes = (samples: Buffer[]): fc.Arbitrary<Buffer> =>
  fc.oneof(
    damaged(samples),
    fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)),
    fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => Buffer.from(s, 'utf16le')),
    fc.array(fc.constantFrom(...FRAGMENTS, '\n', '\n', '1、', '2.', '(3)', '职位名称', '所属部门', '直接上级', '工作职责', '任职要求', 'X岗位职责', '# ', '## ', '- ', '（一）', '一、', '【岗位名称】', 'Reports to: ', '| 岗位 | 职责 |\n| --- | --- |\n| ', ' | ', '。', '负责', '店长是', '向经理汇报'), { maxLength: 80 }).map((xs) => Buffer.from(xs.join(''))),
  );

/** Any folder of random, truncated and damaged documents: ingestFolder never throws and every record is valid. */
export function ingestFolderProperty(workDir: string, samples: Buffer[]): fc.IAsyncPropertyWithHooks<[Array<[Buffer, string]>]> {
  let run = 0;
  return fc.asyncProperty(fc.array(fc.tuple(documentBytes(samples), fc.constantFrom(...EXTENSIONS)), { minLength: 1, maxLength: 4 }), async (docs) => {
    const dir = path.join(workDir, `folder-${run++}`);
    mkdirSync(dir, { recursive: true });
    try {
      docs.forEach(([bytes, ext], i) => writeFileSync(path.join(dir, `doc${i}${ext}`), bytes));
      const problems = folderProblems(await ingestFolder(dir));
      if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** One document's text of any shape: ingestText returns valid records and does not throw (a throw loses the whole document). */
export function ingestTextProperty(samples: Buffer[]): fc.IPropertyWithHooks<[Buffer]> {
  return fc.property(documentBytes(samples), (bytes) => {
    const text = bytes.toString('utf8');
    // both readers: the text's lines as plain text and as markdown (headings, lists, tables)
    for (const blocks of [lineBlocks(text), markdownBlocks(text)]) {
      for (const r of ingestText('fuzz.txt', text, { blocks, text, format: 'fuzz' })) RoleSchema.parse(r);
    }
  });
}
