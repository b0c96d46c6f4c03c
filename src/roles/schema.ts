import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Where a role was found: file relative to the data folder, 1-based inclusive lines of the original file. */
export const SourceSchema = z.object({
  file: z.string().min(1),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
});

const text = z.string().trim().min(1);

/**
 * The single definition of a role record: ingest validates with it, the store persists it,
 * export prints it, and everything downstream reads it.
 */
export const RoleSchema = z
  .object({
    id: z.string().min(1),
    title: text,
    aliases: z.array(text),
    department: text.nullable(),
    reportsTo: text.nullable(),
    directReports: z.array(text),
    duties: z.array(text),
    requirements: z.array(text),
    source: SourceSchema,
  })
  .refine((r) => r.source.endLine >= r.source.startLine, { message: 'endLine before startLine', path: ['source'] });

export type Role = z.infer<typeof RoleSchema>;
export type RoleSource = z.infer<typeof SourceSchema>;
/** What extraction produces before an id is assigned. */
export type RoleDraft = Omit<Role, 'id'>;

/**
 * Stable id: the same title in the same file keeps its id when lines move, so HR diffs
 * between two indexes compare like with like. `occurrence` separates repeated titles in one file.
 */
export function roleId(file: string, title: string, occurrence: number): string {
  return createHash('sha1').update(`${file}\0${title}\0${occurrence}`).digest('hex').slice(0, 12);
}

/** Assign ids to one document's drafts (in document order) and validate each with the schema. */
export function finalizeRoles(drafts: RoleDraft[]): Role[] {
  const seen = new Map<string, number>();
  return drafts.map((d) => {
    const key = `${d.source.file}\0${d.title}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return RoleSchema.parse({ ...d, id: roleId(d.source.file, d.title, n) });
  });
}
