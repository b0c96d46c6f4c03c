import { loadGlossaryPath } from '../../src/config.js';
import { ingestFolder } from '../../src/ingest/pipeline.js';
import { writeIndex } from '../../src/store/db.js';
import { GLOSSARY_META, loadGlossary } from '../../src/words/glossary.js';

/** Index a documents folder into dbPath with the shipped glossary (data/glossary.yml), as npm run index does. */
export async function indexWithGlossary(docs: string, dbPath: string): Promise<void> {
  const glossary = loadGlossary(loadGlossaryPath({}));
  if (glossary instanceof Error) throw glossary;
  writeIndex(dbPath, await ingestFolder(docs), { meta: { [GLOSSARY_META]: glossary.toJSON() } });
}
