/** Every role's id, title and department, read without parsing each stored record whole (fast at 100k roles). */
import { openIndex } from './db.js';

export type RoleSummary = { id: string; title: string; department: string | null };

export function loadRoleSummaries(dbPath: string): RoleSummary[] {
  const db = openIndex(dbPath);
  try {
    return db.prepare("SELECT id, title, json_extract(json, '$.department') AS department FROM roles ORDER BY file, start_line, rowid").all() as RoleSummary[];
  } finally {
    db.close();
  }
}
