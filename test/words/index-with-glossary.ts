import { loadGlossaryPath } from '../../src/config.js';
import { ingestFolder } from '../../src/ingest/pipeline.js';
import { writeIndex } from '../../src/store/db.js';
import { GLOSSARY_META, loadGlossary } from '../../src/words/glossary.js';

/**
 * Index a documents folder into dbPath with its glossary (the samples': examples/glossary.yml), as npm run index
 * does; returns the number of glossary entries (a missing file is none).
 */
export async function indexWithGlossary(docs: string, dbPath: string): Promise<number> {
  const glossary = loadGlossary(loadGlossaryPath({}, docs));
  if (glossary instanceof Error) throw glossary;
  writeIndex(dbPath, await ingestFolder(docs), { meta: { [GLOSSARY_META]: glossary.toJSON() } });
  return glossary.size;
}
