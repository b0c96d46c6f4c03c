/**
 * npm run bench -- [--sizes 1000,10000,100000] [--seed 7] [--queries 200] [--baseline-seconds 45] [--readers-seconds 1] [--readers-only] [--out bench]
 *
 * For each size: generate a synthetic corpus from the seed records, build the index through the real
 * ingest path, then time the engine and the naive fuse.js baseline on the same question mix, each in
 * its own child process (so RSS is its own). Then the document readers' documents/s per format (a few seconds;
 * `--readers-only` runs just that step). Writes bench/results.md and bench/results.json.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { intList, parseArgs } from '../src/cli/args.js';
import { EXAMPLES_DIR, PROJECT_ROOT } from '../src/config.js';
import type { Role } from '../src/roles/schema.js';
import { normalizeKey } from '../src/text/normalize.js';
import { buildSynthIndex, poolFromSeeds } from '../src/bench/corpus.js';
import { benchReaders, renderReaders, type ReadersResults } from '../src/bench/readers.js';
import type { MeasureResult } from '../src/bench/measure.js';
import { questionMix, type Question } from '../src/bench/questions.js';
import { saveResults, type SizeResult } from '../src/bench/report.js';
import { describeTiming, REPORT_MAX_ROLES, timeReport } from '../src/bench/report-time.js';
import { summarize } from '../src/bench/stats.js';
import type { SynthRole } from '../src/bench/synth.js';

const USAGE = 'usage: npm run bench -- [--sizes 1000,10000,100000] [--seed 7] [--queries 200] [--baseline-seconds 45] [--readers-seconds 1] [--readers-only] [--out bench] [--keep]';
const args = parseArgs(
  process.argv.slice(2),
  z.object({
    sizes: intList('1000,10000,100000', 10, 1_000_000),
    seed: z.coerce.number().int().default(7),
    queries: z.coerce.number().int().min(10).max(10_000).default(200),
    baselineSeconds: z.coerce.number().positive().default(45),
    readersSeconds: z.coerce.number().positive().default(1),
    readersOnly: z.boolean().default(false),
    data: z.string().default(EXAMPLES_DIR),
    out: z.string().default(path.join(PROJECT_ROOT, 'bench')),
    keep: z.boolean().default(false),
  }),
  USAGE,
);

const log = (s: string): void => void process.stderr.write(`${s}\n`);
const work = mkdtempSync(path.join(os.tmpdir(), 'rolebot-bench-'));
const MEASURE = path.join(PROJECT_ROOT, 'src', 'bench', 'measure.ts');

function measure(mode: 'engine' | 'baseline' | 'idle', dbPath: string, questionsFile: string): Promise<MeasureResult> {
  const outFile = path.join(work, `${mode}-${path.basename(dbPath)}.json`);
  return new Promise((resolve, reject) => {
    const child = fork(MEASURE, [mode, dbPath, questionsFile, outFile, String(args.baselineSeconds)], {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${mode} measurement exited with ${code}`));
      resolve(JSON.parse(readFileSync(outFile, 'utf8')) as MeasureResult);
    });
  });
}

/** Share of generated roles that ingest recovered: same file, same normalized title. */
function ingestRecall(generated: SynthRole[], extracted: Role[]): number {
  const found = new Set(extracted.map((r) => `${r.source.file}\0${normalizeKey(r.title)}`));
  return generated.filter((g) => found.has(`${g.file}\0${normalizeKey(g.title)}`)).length / (generated.length || 1);
}

/** Baseline time / engine time, over the questions both answered. */
function speedup(engine: MeasureResult, baseline: MeasureResult): SizeResult['speedup'] {
  const pairs = engine.latencies.flatMap((e, i) => (e !== null && baseline.latencies[i] !== null ? [[e, baseline.latencies[i] as number]] : []));
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const e = pairs.map((p) => p[0]);
  const b = pairs.map((p) => p[1]);
  return { mean: sum(b) / sum(e), p50: summarize(b).p50 / summarize(e).p50 };
}

const answered = (m: MeasureResult): number[] => m.latencies.filter((x): x is number => x !== null);

/** The readers step: documents/s per format, printed and recorded. */
async function readersStep(): Promise<ReadersResults> {
  log('\nreaders: documents/s per format through readBlocks');
  const readers = await benchReaders(args.readersSeconds);
  log(renderReaders(readers).join('\n'));
  return readers;
}

async function main(): Promise<void> {
  if (args.readersOnly) {
    saveResults(args.out, { readers: await readersStep() });
    return;
  }
  const loadAtStart = os.loadavg()[0];
  log(`seed records: ingesting ${args.data}`);
  const pool = await poolFromSeeds(args.data);
  log(`pool: ${pool.titles.length} titles, ${pool.departments.length} departments, ${pool.duties.length} duties, ${pool.requirements.length} requirements`);

  const sizes: SizeResult[] = [];
  for (const n of args.sizes) {
    log(`\n[${n}] generating the corpus and building the index (ingest + write)`);
    const built = await buildSynthIndex(pool, work, n, args.seed);
    const { dbPath, buildMs, generated } = built;
    const roles = built.content.roles;
    log(`[${n}] ${roles.length} roles from ${built.documents} documents in ${(buildMs / 1000).toFixed(1)} s`);

    // the refresh report (structure checks, diff, text, markdown, JSON, HTML) on the same roles
    const report = roles.length <= REPORT_MAX_ROLES ? timeReport(roles) : undefined;
    if (report) log(`[${n}] ${describeTiming(report)}`);

    const questions: Question[] = questionMix(roles, args.queries, args.seed + n);
    const questionsFile = path.join(work, `questions-${n}.json`);
    writeFileSync(questionsFile, JSON.stringify(questions));
    rmSync(built.corpusDir, { recursive: true, force: true });

    log(`[${n}] engine`);
    const engine = await measure('engine', dbPath, questionsFile);
    log(`[${n}] baseline (budget ${args.baselineSeconds} s)`);
    const baseline = await measure('baseline', dbPath, questionsFile);

    const result: SizeResult = {
      roles: roles.length,
      documents: built.documents,
      generatedRoles: generated.length,
      ingestRecall: ingestRecall(generated, roles),
      buildMs,
      buildCpuMs: built.buildCpuMs,
      rolesPerSecond: roles.length / (buildMs / 1000),
      indexBytes: statSync(dbPath).size,
      engine: {
        openMs: engine.openMs,
        rssBytes: engine.rssBytes,
        maxRssBytes: engine.maxRssBytes,
        ...engine.byKind,
        all: summarize(answered(engine)),
        cpu: engine.cpuByKind,
      },
      baseline: {
        buildMs: baseline.openMs,
        maxRssBytes: baseline.maxRssBytes,
        asked: answered(baseline).length,
        of: questions.length,
        ...baseline.byKind,
        all: summarize(answered(baseline)),
      },
      speedup: speedup(engine, baseline),
      ...(report ? { report } : {}),
    };
    sizes.push(result);
    log(
      `[${n}] title p99 ${result.engine.title?.p99.toFixed(2)} ms, who p99 ${result.engine.who?.p99.toFixed(2)} ms, ` +
        `field p99 ${result.engine.field?.p99.toFixed(2)} ms, RSS ${(result.engine.maxRssBytes / 1048576).toFixed(0)} MB, ` +
        `speed-up ${result.speedup.mean.toFixed(0)}× (baseline ${result.baseline.asked}/${result.baseline.of} questions)`,
    );
    if (!args.keep) rmSync(dbPath, { force: true });
  }

  const readers = await readersStep();

  const idle = await measure('idle', '', path.join(work, `questions-${args.sizes[0]}.json`));
  const cpus = os.cpus();
  saveResults(args.out, {
    bench: {
      ranAt: new Date().toISOString(),
      machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
      load: [loadAtStart, os.loadavg()[0]],
      seed: args.seed,
      questionsPerKind: args.queries,
      baselineSeconds: args.baselineSeconds,
      idleRssBytes: idle.maxRssBytes,
      sizes,
    },
    readers,
  });
  process.stdout.write(readFileSync(path.join(args.out, 'results.md'), 'utf8'));
}

main()
  .catch((e: Error) => {
    process.stderr.write(`error: ${e.message}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
    else log(`kept: ${work}`);
  });
