import { loadGlossaryPath } from '../../src/config.js';
import { ingestFolder } from '../../src/ingest/pipeline.js';
import { writeIndex } from '../../src/store/db.js';
import { GLOSSARY_META, loadGlossary } from '../../src/words/glossary.js';

/** Index a documents folder into dbPath with its glossary (the samples': examples/glossary.yml), as npm run index does. */
export async function indexWithGlossary(docs: string, dbPath: string): Promise<void> {
  const file = loadGlossaryPath({}, docs);
  const glossary = loadGlossary(file);
  if (glossary instanceof Error) throw glossary;
  // a missing file is no glossary: the questions that need it would be judged without it
  if (!glossary.size) throw new Error(`no glossary at ${file}`);
  writeIndex(dbPath, await ingestFolder(docs), { meta: { [GLOSSARY_META]: glossary.toJSON() } });
}
