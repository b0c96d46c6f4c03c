/** A documents folder straight into a new index: each document is written as soon as it is ingested. */
import { IndexWriter, type WriteOptions } from '../store/db.js';
import { ingestFolder, type FolderIngest } from './pipeline.js';

/**
 * ingestFolder into IndexWriter: the main thread writes one document while workers parse the next ones.
 * The index is written (validated, then renamed into place) only when at least one document was read;
 * otherwise, or on any error, the previous index is left as it was.
 */
export async function buildIndex(dataDir: string, dbPath: string, options: WriteOptions = {}): Promise<FolderIngest & { written: boolean }> {
  const writer = new IndexWriter(dbPath);
  let content: FolderIngest;
  try {
    content = await ingestFolder(dataDir, (d) => {
      writer.addDocument(d.row);
      d.roles.forEach((r, i) => writer.addRole(r, d.search[i]));
    });
  } catch (e) {
    writer.abort();
    throw e;
  }
  if (!content.documents.some((d) => d.status === 'ok')) {
    writer.abort();
    return { ...content, written: false };
  }
  writer.finish(options);
  return { ...content, written: true };
}
