/**
 * Child process of `npm run bench`: times one question path (the engine, or the naive baseline) in
 * a fresh process, so its RSS is that path's alone. Input and output are JSON files, so nothing
 * else the parent holds (the corpus, the other path) is counted.
 *
 * argv: <engine|baseline|idle> <index file> <questions.json> <result.json> [baseline time budget, s]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRoles, openIndex } from '../store/db.js';
import { naiveBaseline } from './baseline.js';
import { peakRssBytes } from './memory.js';
import type { Question, QuestionKind } from './questions.js';
import { summarize, type Summary } from './stats.js';

export type MeasureResult = {
  mode: 'engine' | 'baseline' | 'idle';
  /** Open (engine) or load + build (baseline) time, ms. */
  openMs: number;
  /** Latency of each question answered, ms, in question order; null when not asked (baseline budget). */
  latencies: Array<number | null>;
  byKind: Partial<Record<QuestionKind, Summary>>;
  /** The same in process CPU time (all threads: background JIT and GC included, so it can exceed wall time); in results.json only. */
  cpuByKind: Partial<Record<QuestionKind, Summary>>;
  rssBytes: number;
  maxRssBytes: number;
};

const WARMUP = 30;

async function main(): Promise<void> {
  const [mode, dbPath, questionsFile, outFile, budgetArg] = process.argv.slice(2);
  if (mode !== 'engine' && mode !== 'baseline' && mode !== 'idle') throw new Error(`unknown mode ${mode}`);
  const questions = JSON.parse(readFileSync(questionsFile, 'utf8')) as Question[];
  let ask: (q: string) => unknown = () => undefined;
  let close = (): void => {};
  const t0 = performance.now();
  if (mode === 'engine') {
    const { openAnswerer } = await import('../answer/engine.js');
    const answerer = openAnswerer(dbPath);
    ask = (q) => answerer.ask(q);
    close = () => answerer.close();
  } else if (mode === 'baseline') {
    const db = openIndex(dbPath);
    const baseline = naiveBaseline(loadRoles(db));
    db.close();
    ask = (q) => baseline.ask(q);
  }
  const openMs = performance.now() - t0;

  for (const q of questions.slice(0, mode === 'engine' ? WARMUP : 2)) ask(q.q);
  // The baseline can be far too slow for every question at 100k: it asks kinds in turn
  // (title, who, field, title, ...) until the budget runs out, so every kind gets a share.
  const budgetMs = mode === 'baseline' ? Number(budgetArg ?? '60') * 1000 : Infinity;
  const order = interleave(questions);
  const latencies: Array<number | null> = questions.map(() => null);
  const cpu: Array<number | null> = questions.map(() => null);
  const started = performance.now();
  for (const i of order) {
    if (performance.now() - started > budgetMs) break;
    const c = process.cpuUsage();
    const t = performance.now();
    ask(questions[i].q);
    latencies[i] = performance.now() - t;
    const used = process.cpuUsage(c);
    cpu[i] = (used.user + used.system) / 1000;
  }
  const perKind = (xs: Array<number | null>): MeasureResult['byKind'] => {
    const out: MeasureResult['byKind'] = {};
    for (const kind of ['title', 'who', 'field'] as const) {
      const got = questions.flatMap((q, i) => (q.kind === kind && xs[i] !== null ? [xs[i] as number] : []));
      if (got.length) out[kind] = summarize(got);
    }
    return out;
  };
  const byKind = perKind(latencies);
  const cpuByKind = perKind(cpu);
  const result: MeasureResult = {
    mode,
    openMs,
    latencies,
    byKind,
    cpuByKind,
    rssBytes: process.memoryUsage().rss,
    maxRssBytes: peakRssBytes(),
  };
  close();
  writeFileSync(outFile, JSON.stringify(result));
}

/** Question indexes ordered round-robin over kinds. */
function interleave(questions: Question[]): number[] {
  const byKind = new Map<string, number[]>();
  questions.forEach((q, i) => byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), i]));
  const lists = [...byKind.values()];
  const out: number[] = [];
  for (let k = 0; out.length < questions.length; k++) for (const l of lists) if (k < l.length) out.push(l[k]);
  return out;
}

main().catch((e: Error) => {
  process.stderr.write(`measure: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
