/** Refresh progress: a redrawn bar on a terminal, one plain line per document otherwise (logs, CI, pipes). */
import type { DocumentOutcome } from './run.js';

export type Progress = { start(total: number): void; document(d: DocumentOutcome, index: number, total: number): void; writing(): void; done(): void };

const WIDTH = 24;

function describe(d: DocumentOutcome): string {
  if (d.status === 'skipped') return `skipped (${d.reason})`;
  return `${d.roles} role(s), ${d.reused ? 'unchanged (roles reused)' : d.change}`;
}

export function createProgress(out: NodeJS.WriteStream): Progress {
  if (!out.isTTY) {
    return {
      start: (total) => out.write(`refresh: ${total} document(s)\n`),
      document: (d, i, total) => out.write(`[${i + 1}/${total}] ${d.file}: ${describe(d)}\n`),
      writing: () => out.write('writing the new index\n'),
      done: () => {},
    };
  }
  // Skipped documents stay visible above the bar; the bar line is redrawn in place.
  const bar = (n: number, total: number, label: string) => {
    const filled = total ? Math.round((n / total) * WIDTH) : WIDTH;
    const cols = out.columns || 80;
    const line = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${n}/${total} ${label}`;
    out.write(`\r\x1b[2K${line.slice(0, cols - 1)}`);
  };
  let total = 0;
  return {
    start: (t) => {
      total = t;
      bar(0, t, '');
    },
    document: (d, i) => {
      if (d.status === 'skipped') out.write(`\r\x1b[2Kskipped ${d.file}: ${d.reason}\n`);
      bar(i + 1, total, d.file);
    },
    writing: () => bar(total, total, 'writing the new index'),
    done: () => out.write('\r\x1b[2K'),
  };
}
