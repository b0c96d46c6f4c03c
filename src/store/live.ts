/**
 * A live handle on the index file: a running app notices a refresh (the file renamed over, seen by a
 * directory watch, a poll of inode/mtime, or SIGHUP), opens the new index, and swaps it in between
 * requests. The old handle is closed only once nothing uses it any more, so no request in flight fails.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export type Closeable = { close(): void };

export type LiveIndexOptions = {
  /** Watch the index's directory for the rename (default true). */
  watch?: boolean;
  /** Fallback poll for file systems where fs.watch misses renames (network mounts); 0 turns it off. */
  pollMs?: number;
  /** After a swap, how long a handle fetched with current() may still be in use (it may be held across an await). */
  graceMs?: number;
  /** Reload on SIGHUP too (for the admin: `kill -HUP <pid>`). */
  sighup?: boolean;
  onSwitch?: (info: { path: string; generation: number }) => void;
  /** A new file that cannot be opened is reported here; the current index keeps serving. */
  onError?: (e: Error) => void;
};

export type LiveIndex<T> = {
  /** The newest open index; use it for one request (within graceMs), or use() for longer work. */
  current(): T;
  /** Run fn with the current index, keeping it open until fn (sync or async) finishes. */
  use<R>(fn: (t: T) => R): R;
  /** Check the file now; true when a new index was swapped in. */
  reload(): boolean;
  /** How many indexes have been opened so far (1 after start). */
  generation(): number;
  close(): void;
};

type Slot<T> = { value: T; refs: number; retired: boolean; graceOver: boolean; closed: boolean };

function fileId(p: string): string | null {
  try {
    const s = statSync(p);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

export function createLiveIndex<T extends Closeable>(dbPath: string, open: (path: string) => T, opts: LiveIndexOptions = {}): LiveIndex<T> {
  const pollMs = opts.pollMs ?? 2000;
  const graceMs = opts.graceMs ?? 30_000;
  // Identify the file before opening it: if it is replaced in between, the next check opens it again.
  let loadedId = fileId(dbPath);
  let slot: Slot<T> = { value: open(dbPath), refs: 0, retired: false, graceOver: false, closed: false };
  let generation = 1;
  let failedId: string | null = null;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const retired = new Set<Slot<T>>();

  const closeIfIdle = (s: Slot<T>) => {
    if (s.closed || !s.retired || !s.graceOver || s.refs > 0) return;
    s.closed = true;
    retired.delete(s);
    try {
      s.value.close();
    } catch (e) {
      opts.onError?.(e as Error);
    }
  };

  const retire = (s: Slot<T>, immediately: boolean) => {
    s.retired = true;
    retired.add(s);
    if (immediately) s.graceOver = true;
    else {
      const t = setTimeout(() => {
        timers.delete(t);
        s.graceOver = true;
        closeIfIdle(s);
      }, graceMs);
      t.unref();
      timers.add(t);
    }
    closeIfIdle(s);
  };

  const reload = (): boolean => {
    if (stopped) return false;
    const id = fileId(dbPath);
    if (id === null || id === loadedId) return false;
    let value: T;
    try {
      value = open(dbPath);
    } catch (e) {
      // Tried again at the next poll or event (a transient failure heals); reported once per file.
      if (failedId !== id) opts.onError?.(new Error(`new index at ${dbPath} not loaded, still serving the previous one: ${(e as Error).message}`));
      failedId = id;
      return false;
    }
    const old = slot;
    slot = { value, refs: 0, retired: false, graceOver: false, closed: false };
    loadedId = id;
    generation++;
    retire(old, false);
    opts.onSwitch?.({ path: dbPath, generation });
    return true;
  };

  // Renames land as events on the directory (a watch on the file itself would stay on the old inode).
  let debounce: NodeJS.Timeout | null = null;
  const startWatch = (): FSWatcher | null => {
    const base = path.basename(dbPath);
    try {
      const w = watch(path.dirname(path.resolve(dbPath)), { persistent: false }, (_event, name) => {
        if (name !== null && name.toString() !== base) return;
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(() => {
          debounce = null;
          reload();
        }, 50);
        debounce.unref();
      });
      w.on('error', (e) => opts.onError?.(e));
      return w;
    } catch (e) {
      opts.onError?.(e as Error);
      return null;
    }
  };
  const watcher = opts.watch === false ? null : startWatch();
  const poll = pollMs > 0 ? setInterval(reload, pollMs) : null;
  poll?.unref();
  const onHup = () => reload();
  if (opts.sighup) process.on('SIGHUP', onHup);

  return {
    current: () => slot.value,
    use<R>(fn: (t: T) => R): R {
      const s = slot;
      s.refs++;
      const release = () => {
        s.refs--;
        closeIfIdle(s);
      };
      let r: R;
      try {
        r = fn(s.value);
      } catch (e) {
        release();
        throw e;
      }
      if (r instanceof Promise) return r.finally(release) as R;
      release();
      return r;
    },
    reload,
    generation: () => generation,
    close() {
      stopped = true;
      watcher?.close();
      if (debounce) clearTimeout(debounce);
      if (poll) clearInterval(poll);
      for (const t of timers) clearTimeout(t);
      if (opts.sighup) process.off('SIGHUP', onHup);
      // Everything still held by a use() closes when that use ends.
      for (const s of [...retired, slot]) retire(s, true);
    },
  };
}
