/**
 * npm run bench:report -- [--sizes 2000,10000] [--seed 7]: how long the refresh report (structure checks, diff,
 * terminal text, markdown, JSON, HTML with org charts) takes on the seeded report corpus; target < 2 s at 10,000
 * roles. `npm run bench` times the same steps on the roles it builds through ingest.
 */
import { z } from 'zod';
import { intList, parseArgs } from '../src/cli/args.js';
import { reportCorpus } from '../src/bench/report-corpus.js';
import { describeTiming, REPORT_TARGET_MS, timeReport } from '../src/bench/report-time.js';

const args = parseArgs(
  process.argv.slice(2),
  z.object({ sizes: intList('2000,10000', 10, 200_000), seed: z.coerce.number().int().default(7), _: z.array(z.string()).max(0, 'unexpected argument') }),
  'usage: npm run bench:report -- [--sizes 2000,10000] [--seed 7]',
);

for (const n of args.sizes) {
  const t = timeReport(reportCorpus(n, args.seed).roles);
  const verdict = n === 10_000 ? ` → target < ${REPORT_TARGET_MS / 1000} s ${t.totalMs < REPORT_TARGET_MS ? 'met' : 'MISSED'}` : '';
  process.stdout.write(`${describeTiming(t)}${verdict}\n`);
}
