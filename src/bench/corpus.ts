/** Synthetic index for benchmarks: seed records from a documents folder → corpus → index via the real ingest path. */
import path from 'node:path';
import { buildIndex } from '../ingest/build.js';
import { ingestFolder, type FolderIngest } from '../ingest/pipeline.js';
import { seedPool, writeSynthCorpus, type SeedPool, type SynthRole } from './synth.js';

/** The recombination material, from the records ingest extracts from the seed documents now. */
export async function poolFromSeeds(seedDir: string): Promise<SeedPool> {
  return seedPool((await ingestFolder(seedDir)).roles);
}

export type BuiltIndex = {
  dbPath: string;
  /** The generated documents (delete when done: 100k roles are ~100 MB). */
  corpusDir: string;
  documents: number;
  generated: SynthRole[];
  /** What ingest extracted (the records now in the index). */
  content: FolderIngest;
  /** Ingest + writeIndex only; generating the corpus is not counted. */
  buildMs: number;
  /** Process CPU time over the same span (on a shared machine, wall time also counts waiting for a core). */
  buildCpuMs: number;
};

export async function buildSynthIndex(pool: SeedPool, workDir: string, roles: number, seed: number): Promise<BuiltIndex> {
  const dir = path.join(workDir, `corpus-${roles}`);
  const dbPath = path.join(workDir, `index-${roles}.db`);
  const generated = await writeSynthCorpus(dir, pool, { roles, seed });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const content = await buildIndex(dir, dbPath);
  const buildMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { dbPath, corpusDir: dir, documents: generated.documents, generated: generated.roles, content, buildMs, buildCpuMs: (cpu.user + cpu.system) / 1000 };
}
