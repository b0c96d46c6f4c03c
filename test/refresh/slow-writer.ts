/**
 * Test child: builds an index from a folder through writeIndex and stops inside validation, i.e. with
 * the new index complete in its temp file but not yet renamed, so a test can kill it at that moment.
 */
import { ingestFolder } from '../../src/ingest/pipeline.js';
import { writeIndex } from '../../src/store/db.js';

const [dataDir, dbPath] = process.argv.slice(2);
const content = await ingestFolder(dataDir);
writeIndex(dbPath, content, {
  validate: () => {
    process.stdout.write('validating\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
process.stdout.write('renamed\n');
