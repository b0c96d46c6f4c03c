/**
 * .docx: mammoth turns Word's own structure into HTML (Heading n styles → <hn>, numbered and bulleted
 * paragraphs → <ol>/<ul>, tables with merged cells → rowspan/colspan), read by the HTML reader, then rendered
 * to the plain text its line numbers count.
 */
import mammoth from 'mammoth';
import type { ReadOutcome } from '../model.js';
import { renderDoc } from '../render.js';
import { htmlBlocks } from './html.js';

/** Images are never read: mammoth would otherwise inline each one as base64 into the HTML. */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function readDocx(bytes: Buffer): Promise<ReadOutcome> {
  const { value } = await mammoth.convertToHtml({ buffer: bytes }, { convertImage: noImages });
  return { ok: true, doc: renderDoc(htmlBlocks(value), 'docx') };
}
