// Word (.docx) → HTML through mammoth, which maps Word's heading styles (Heading 1–6) to
// h1–h6, list paragraphs to lists and tables to tables; src/parse/html.ts takes it from
// there. Pure bytes → text (mammoth reads the zip in memory; it never opens files or
// links here: externalFileAccess is off). Loaded only for Word documents.
import mammoth from 'mammoth';

export type DocxHtml = { ok: true; html: string } | { ok: false; message: string };

/** Images are dropped rather than embedded as data: URIs (they carry no text to check). */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function docxToHtml(bytes: Uint8Array): Promise<DocxHtml> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Empty paragraphs are kept so that paragraph numbers match the document's own count.
      // Word's Title style is the document's title (h1), as Heading 1–6 are h1–h6 by mammoth's own map.
      { ignoreEmptyParagraphs: false, externalFileAccess: false, convertImage: noImages, styleMap: ["p[style-name='Title'] => h1:fresh"] },
    );
    return { ok: true, html: result.value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: message.split('\n')[0] ?? message };
  }
}
