/**
 * Readers bench (a step of `npm run bench`): documents/s for each format through readBlocks, the path ingest
 * takes (binary formats in the reader process). Each document is a job-description file of ROLES roles, written
 * in the format's own structure (headings, lists, tables, sheets, pages) from the same content.
 */
import { readAs } from '../documents/dispatch.js';
import { closeReaders, readBlocks } from '../documents/read.js';
import { makeDocx, makePdf, makeXlsx, wordml as w } from './documents.js';

const ROLES = 10;
const TITLES = ['客服主管', '会计', '出纳', '前台接待', '保安队长', '工程维修员', '行政专员', '人事经理', '采购员', '仓库管理员'];
const DUTIES = ['负责处理业主投诉并跟进回访', '编制月度工作计划与总结', '协助上级完成部门日常管理', '检查本岗位安全与卫生', '登记并整理相关台账', '完成领导交办的其他工作'];
const REQUIREMENTS = ['大专及以上学历', '两年以上相关工作经验', '熟练使用办公软件'];

type Role = { title: string; boss: string; duties: string[]; requirements: string[] };

function roles(seed: number): Role[] {
  return Array.from({ length: ROLES }, (_, i) => ({
    title: `${TITLES[(i + seed) % TITLES.length]}${seed}`,
    boss: TITLES[(i + seed + 1) % TITLES.length],
    duties: DUTIES.map((d, k) => `${d}（${seed}-${i}-${k}）`),
    requirements: REQUIREMENTS,
  }));
}

const FORMATS: Record<string, (rs: Role[]) => Promise<Buffer> | Buffer> = {
  md: (rs) =>
    Buffer.from(
      ['# 岗位说明书', ...rs.flatMap((r) => ['', `## ${r.title}`, `汇报对象：${r.boss}`, '', '**岗位职责**', '', ...r.duties.map((d, k) => `${k + 1}. ${d}`), '', '| 任职要求 |', '|---|', ...r.requirements.map((q) => `| ${q} |`)])].join('\n'),
    ),
  html: (rs) =>
    Buffer.from(
      `<!doctype html><html><head><title>岗位说明书</title></head><body><h1>岗位说明书</h1>${rs
        .map(
          (r) =>
            `<h2>${r.title}</h2><p>汇报对象：${r.boss}<br>岗位职责：</p><ol>${r.duties.map((d) => `<li>${d}</li>`).join('')}</ol>` +
            `<table><tr><th rowspan="${r.requirements.length}">任职要求</th><td>${r.requirements[0]}</td></tr>${r.requirements.slice(1).map((q) => `<tr><td>${q}</td></tr>`).join('')}</table>`,
        )
        .join('\n')}</body></html>`,
    ),
  docx: (rs) =>
    makeDocx([w.h(1, '岗位说明书'), ...rs.flatMap((r) => [w.h(2, r.title), w.p(`汇报对象：${r.boss}`), ...r.duties.map((d) => w.li(1, 0, d)), w.table(r.requirements.map((q, k) => [k ? { text: '', merge: 'continue' as const } : { text: '任职要求', merge: 'restart' as const }, q]))])]),
  xlsx: (rs) =>
    makeXlsx((wb) => {
      const ws = wb.addWorksheet('岗位');
      ws.addRow(['岗位', '汇报对象', '岗位职责', '任职要求']);
      for (const r of rs) ws.addRow([r.title, r.boss, r.duties.map((d, k) => `${k + 1}. ${d}`).join('\n'), r.requirements.join('\n')]);
    }),
  pdf: (rs) => {
    const lines = rs.flatMap((r) => [r.title, `汇报对象：${r.boss}`, ...r.duties.map((d, k) => `${k + 1}. ${d}`), ...r.requirements]);
    const pages = Array.from({ length: Math.ceil(lines.length / 40) }, (_, p) => lines.slice(p * 40, p * 40 + 40).map((t, i): [number, number, string] => [72, 800 - i * 18, t]));
    return makePdf(pages);
  },
};

export type ReaderFigure = {
  format: string;
  documents: number;
  kbPerDocument: number;
  blocksPerDocument: number;
  documentsPerSecond: number;
  /** the parse alone, in-process, per CPU-second: steadier than wall time on a shared machine */
  documentsPerCpuSecond: number;
};
export type ReadersResults = { ranAt: string; rolesPerDocument: number; secondsPerFormat: number; formats: ReaderFigure[] };

/** Calls `step` for `seconds` (over `docs` in turn); how many calls, the wall seconds and the CPU seconds of this process. */
async function timed(seconds: number, docs: Buffer[], step: (d: Buffer) => Promise<void>): Promise<{ n: number; wall: number; cpu: number }> {
  let n = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) await step(docs[n++ % docs.length]);
  const used = process.cpuUsage(cpu);
  return { n, wall: (performance.now() - t0) / 1000, cpu: (used.user + used.system) / 1e6 };
}

/**
 * For each format: documents/s through readBlocks (the real path: binary formats in the reader process), then
 * the parse alone in this process, timed in CPU seconds (steadier than wall time on a shared machine).
 */
export async function benchReaders(seconds = 1): Promise<ReadersResults> {
  const formats: ReaderFigure[] = [];
  try {
    for (const [format, make] of Object.entries(FORMATS)) {
      const docs = await Promise.all(Array.from({ length: 8 }, (_, s) => make(roles(s))));
      for (const d of docs) await readBlocks(`warm.${format}`, d); // starts the reader process and warms its JIT
      let blocks = 0;
      const path = await timed(seconds, docs, async (d) => {
        const r = await readBlocks(`bench.${format}`, d);
        if (!r.ok) throw new Error(`${format}: ${r.reason}`);
        blocks += r.doc.blocks.length;
      });
      for (const d of docs) await readAs(`.${format}`, d);
      const parse = await timed(seconds / 2, docs, async (d) => void (await readAs(`.${format}`, d)));
      const kb = docs.reduce((s, d) => s + d.length, 0) / docs.length / 1024;
      formats.push({
        format,
        documents: path.n,
        kbPerDocument: kb,
        blocksPerDocument: blocks / path.n,
        documentsPerSecond: path.n / path.wall,
        documentsPerCpuSecond: parse.n / parse.cpu,
      });
    }
  } finally {
    await closeReaders();
  }
  return { ranAt: new Date().toISOString(), rolesPerDocument: ROLES, secondsPerFormat: seconds, formats };
}

/** The readers' section of bench/results.md. */
export function renderReaders(r: ReadersResults): string[] {
  return [
    `## Document readers (\`npm run bench\`, ${r.ranAt})`,
    '',
    `readBlocks on job-description files of ${r.rolesPerDocument} roles each, one after another for ${r.secondsPerFormat} s per format ` +
      '(.docx, .xlsx and .pdf in the reader process: wall time includes passing each document to it and back); then the parse alone ' +
      'in the bench process, per CPU-second.',
    '',
    '| format | KB / document | blocks / document | documents read | documents/s (wall, readBlocks) | documents per CPU-second (parse alone) |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.formats.map(
      (f) =>
        `| ${f.format} | ${f.kbPerDocument.toFixed(1)} | ${Math.round(f.blocksPerDocument)} | ${f.documents} | ${Math.round(f.documentsPerSecond).toLocaleString('en')} | ${Math.round(f.documentsPerCpuSecond).toLocaleString('en')} |`,
    ),
    '',
  ];
}
