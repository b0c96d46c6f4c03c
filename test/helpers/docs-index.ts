import path from 'node:path';
import { EXAMPLES_DIR } from '../../src/config.js';
import { ingestFolder } from '../../src/ingest/pipeline.js';
import type { Role } from '../../src/roles/schema.js';
import { writeIndex } from '../../src/store/db.js';

/** Index the bundled documents (data/docs) into dbPath, as several suites test against them; returns the roles. */
export async function indexBundledDocs(dbPath: string): Promise<Role[]> {
  const content = await ingestFolder(EXAMPLES_DIR);
  writeIndex(dbPath, content);
  return content.roles;
}
