/** Where the documents and the index live; environment parsed with zod so a bad value fails at start. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project root, so defaults work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PathsEnv = z.object({
  ROLEBOT_DATA: z.string().min(1).default(path.join(PROJECT_ROOT, 'data', 'docs')),
  ROLEBOT_DB: z.string().min(1).default(path.join(PROJECT_ROOT, 'data', 'rolebot.db')),
});

export type Paths = { dataDir: string; dbPath: string };

export function loadPaths(env: NodeJS.ProcessEnv = process.env): Paths {
  const parsed = PathsEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return { dataDir: parsed.data.ROLEBOT_DATA, dbPath: parsed.data.ROLEBOT_DB };
}
