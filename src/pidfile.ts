/**
 * The app's pid in a file an admin can read (`kill -HUP $(cat data/rolebot.pid)` reloads the index, `-TERM` stops
 * it): the pid of `npm start` is npm's, which does not pass SIGHUP on. Removed at exit if it is still ours.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writePidFile(file: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${process.pid}\n`);
  process.on('exit', () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  });
}
