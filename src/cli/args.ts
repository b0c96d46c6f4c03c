/** Command-line flags (`--key value`, `--flag`) parsed into a zod schema: one error message per bad flag. */
import { z } from 'zod';

/**
 * Flags whose schema takes true but not a word (`--json`, `--check`): they never take the next argument as their
 * value, so `--json '物业收银员'` is a flag and a question, not `--json=物业收银员`.
 */
function booleanFlags(schema: z.ZodType): Set<string> {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  // (a number flag coerces true to 1 as well, but it also takes '1': only a flag taking no word is boolean)
  return new Set(Object.entries(shape).filter(([, s]) => s.safeParse(true).success && !s.safeParse('x').success && !s.safeParse('1').success).map(([k]) => k));
}

export function parseArgs<S extends z.ZodType>(argv: string[], schema: S, usage: string): z.infer<S> {
  const flags = booleanFlags(schema);
  const raw: Record<string, string | boolean> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (!a.startsWith('--')) {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = (eq > 0 ? a.slice(2, eq) : a.slice(2)).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (eq > 0) raw[key] = a.slice(eq + 1);
    else if (!flags.has(key) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) raw[key] = argv[++i];
    else raw[key] = true;
  }
  const parsed = schema.safeParse({ ...raw, _: rest });
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.length ? '--' + i.path.join('.') : 'arguments'}: ${i.message}`).join('; ');
    fail(`${why}\n${usage}`);
  }
  return parsed.data;
}

/** A comma-separated list of integers in [min, max] (`--sizes 1000,10000`), at least one. */
export function intList(fallback: string, min: number, max: number) {
  return z
    .string()
    .default(fallback)
    .transform((s) => s.split(',').map((x) => Number(x.trim())))
    .pipe(z.array(z.number().int().min(min).max(max)).min(1));
}

/** Print a clear message and exit non-zero; CLI entry points only. */
export function fail(message: string, code = 2): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}
