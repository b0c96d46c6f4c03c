/** Peak memory of the benchmark's child processes. */
import { readFileSync } from 'node:fs';

/**
 * This process's peak RSS. On Linux it is VmHWM from /proc/self/status: getrusage's maxRSS is no use in
 * a forked child, because it starts from the parent's RSS at the fork (a parent holding a 100k-role
 * corpus would show up as the child's peak). Elsewhere maxRSS is all there is.
 */
export function peakRssBytes(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (kb) return Number(kb[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}
