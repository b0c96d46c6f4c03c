/**
 * English words typed with a slip (recepionist, enginer, conceirge): read as the workplace word one or two
 * edits away, when exactly one such word is nearest. Only for words the dictionaries do not know.
 */

/** Optimal string alignment distance (a swap of neighbours counts one), given up past max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    [prev2, prev] = [prev, cur];
  }
  return prev[b.length];
}

/** The one known word nearest to w (one edit for words of 5–7 letters, two from 8), or null. */
export function correction(w: string, vocabulary: Iterable<string>): string | null {
  if (w.length < 5) return null;
  const max = w.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestD = max + 1;
  let tie = false;
  for (const v of vocabulary) {
    const d = editDistance(w, v, Math.min(max, bestD));
    // equally near: a letter left out is the commoner slip, so the longer word (enginer: engineer, not engine)
    if (d < bestD || (d === bestD && d <= max && best && v.length > best.length)) [best, bestD, tie] = [v, d, false];
    else if (d === bestD && d <= max && v !== best && v.length === best?.length) tie = true;
  }
  return best && !tie ? best : null;
}
