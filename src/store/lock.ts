/**
 * One refresh at a time per index: a lock file holding the writer's pid. A lock left by a process that
 * no longer exists (killed, crashed) is taken over, so an interrupted refresh never blocks the next one.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export type Lock = { release(): void };

/** Whether a process exists (EPERM: it does, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock for dbPath, or an Error naming the refresh that holds it. */
export function acquireLock(dbPath: string): Lock | Error {
  const file = `${dbPath}-refresh.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { release: () => rmSync(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return e as Error;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
        return new Error(`another refresh of this index is running (pid ${holder})`);
      }
      rmSync(file, { force: true });
    }
  }
  return new Error(`cannot take the refresh lock ${file}`);
}
