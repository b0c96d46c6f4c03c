/**
 * The dev questions (../shared/eval) scored per question in-process, with the scorer's own functions, so a
 * regression test can compare each question with its recorded baseline. Absent ../shared: null.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/config.js';

/** ../shared beside the checkout (ROLEBOT_SHARED overrides, for scoring an older checkout elsewhere). */
const SHARED = process.env.ROLEBOT_SHARED ?? path.resolve(PROJECT_ROOT, '..', 'shared');
export const SHARED_EVAL = path.join(SHARED, 'eval');
export const SHARED_CORPUS = path.join(SHARED, 'corpus');

export type DevQuestion = { file: string; seed: string; kind: string; q: string; [k: string]: unknown };
/** One question's result: title top-1 (0/1), duty hit@3 (0/1) and recall@5, field correct (0/1). */
export type DevResult = { seed: string; kind: string; q: string; score: number; recall5?: number };

type Scorer = {
  scoreQueries(queries: unknown[], responses: unknown[], gold: unknown[]): { overall: { title: { top1: number | null }; duty: { hit3: number | null; recall5: number | null }; field: { acc: number | null } } };
};

export function devSetPresent(): boolean {
  return existsSync(path.join(SHARED_EVAL, 'score.mjs')) && existsSync(SHARED_CORPUS);
}

function readJsonl(dir: string): DevQuestion[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => {
          const v = JSON.parse(l) as DevQuestion;
          return { ...v, file: f, seed: (v.seed as string | undefined) ?? f.replace(/\.jsonl$/, '.txt') };
        }),
    );
}

/** Every dev question with its result, given an ask function returning the ask CLI's JSON object. */
export async function scoreDev(ask: (q: string) => unknown): Promise<DevResult[]> {
  const scorer = (await import(pathToFileURL(path.join(SHARED_EVAL, 'score.mjs')).href)) as Scorer;
  const gold = readJsonl(path.join(SHARED_EVAL, 'gold'));
  return readJsonl(path.join(SHARED_EVAL, 'queries')).map((q) => {
    const { overall } = scorer.scoreQueries([q], [ask(q.q)], gold);
    const base = { seed: q.seed, kind: q.kind, q: q.q };
    if (q.kind === 'title') return { ...base, score: overall.title.top1 ?? 0 };
    if (q.kind === 'duty') return { ...base, score: overall.duty.hit3 ?? 0, recall5: overall.duty.recall5 ?? 0 };
    return { ...base, score: overall.field.acc ?? 0 };
  });
}

/** Results as a baseline key: one question by its document, kind and text. */
export const resultKey = (r: Pick<DevResult, 'seed' | 'kind' | 'q'>) => `${r.seed}\t${r.kind}\t${r.q}`;
