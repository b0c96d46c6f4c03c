/**
 * The reporting structure read from the role records: each role's superior resolved to a role (same document
 * first, then any other), with what is wrong with it (reports to itself, to no known role, in a cycle).
 * Shared by the structure checks and the org chart in the HTML report.
 */
import type { Role } from '../roles/schema.js';
import { normalizeKey } from '../text/normalize.js';

export type Org = {
  roles: Role[];
  /** Index of each role's superior in roles, or null (none stated, unknown, itself). */
  superior: (number | null)[];
  /** reportsTo names one of the role's own names. */
  self: boolean[];
  /** reportsTo names no role in any document. */
  unknown: boolean[];
  /** Reporting cycles (A → B → A), each in reporting order, starting at its first role in document order. */
  cycles: number[][];
  /** Role index → the cycle it is in (index into cycles). */
  inCycle: Map<number, number>;
  /** normalizeKey, remembered: titles and duty lines repeat across documents, and normalizing is the costly part. */
  key: (s: string) => string;
};

function keyCache(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let k = seen.get(s);
    if (k === undefined) seen.set(s, (k = normalizeKey(s)));
    return k;
  };
}

/** "客服主管/副主管" and "经理或主管" name alternatives: any of them counts. */
function nameAlternatives(name: string, key: (s: string) => string = normalizeKey): string[] {
  const parts = name.split(/[/／、]|或/).map((p) => p.trim()).filter(Boolean);
  return [...new Set([name, ...parts].map(key).filter(Boolean))];
}

const ownKeys = (r: Role, key: (s: string) => string = normalizeKey): string[] => [...new Set([r.title, ...r.aliases].map(key).filter(Boolean))];

export function buildOrg(roles: Role[]): Org {
  const n = roles.length;
  const key = keyCache();
  // name key → role indices, and the same per file, in document order
  const byKey = new Map<string, number[]>();
  const byFileKey = new Map<string, number[]>();
  roles.forEach((r, i) => {
    for (const k of ownKeys(r, key)) {
      push(byKey, k, i);
      push(byFileKey, `${r.source.file}\0${k}`, i);
    }
  });
  const superior: (number | null)[] = new Array(n).fill(null);
  const self: boolean[] = new Array(n).fill(false);
  const unknown: boolean[] = new Array(n).fill(false);

  roles.forEach((r, i) => {
    if (!r.reportsTo) return;
    const keys = nameAlternatives(r.reportsTo, key);
    const own = new Set(ownKeys(r, key));
    if (keys.some((k) => own.has(k))) {
      self[i] = true;
      return;
    }
    const pick = (list: number[] | undefined) => list?.find((j) => j !== i);
    let found: number | undefined;
    for (const k of keys) if ((found = pick(byFileKey.get(`${r.source.file}\0${k}`))) !== undefined) break;
    if (found === undefined) for (const k of keys) if ((found = pick(byKey.get(k))) !== undefined) break;
    if (found === undefined) unknown[i] = true;
    else superior[i] = found;
  });
  // A role that states no superior but is listed as a direct report of a role in its own document reports to it.
  roles.forEach((boss, b) => {
    for (const name of boss.directReports) {
      for (const k of nameAlternatives(name, key)) {
        for (const j of byFileKey.get(`${boss.source.file}\0${k}`) ?? []) {
          if (j !== b && !roles[j].reportsTo && superior[j] === null) superior[j] = b;
        }
      }
    }
  });

  // Each role has at most one superior, so following superiors from any role ends at a root or in a cycle.
  const cycles: number[][] = [];
  const inCycle = new Map<number, number>();
  const state = new Uint8Array(n); // 0 unseen, 1 on the current path, 2 done
  for (let s = 0; s < n; s++) {
    const path: number[] = [];
    let v: number | null = s;
    while (v !== null && state[v] === 0) {
      state[v] = 1;
      path.push(v);
      v = superior[v];
    }
    if (v !== null && state[v] === 1) {
      const cycle = path.slice(path.indexOf(v));
      const first = cycle.indexOf(Math.min(...cycle));
      const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
      for (const c of ordered) inCycle.set(c, cycles.length);
      cycles.push(ordered);
    }
    for (const p of path) state[p] = 2;
  }
  return { roles, superior, self, unknown, cycles, inCycle, key };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
