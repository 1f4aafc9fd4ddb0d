// Word (.docx) → HTML through mammoth, which maps Word's heading styles (Heading 1–6) to
// h1–h6, list paragraphs to lists and tables to tables; src/parse/html.ts takes it from
// there. Pure bytes → text (mammoth reads the zip in memory; it never opens files or
// links here: externalFileAccess is off). Loaded only for Word documents.
//
// mammoth reads and converts the XML recursively, so a document of tables nested in tables
// overflows the stack (at about 400 levels): the XML parts' nesting is measured first.
import mammoth from 'mammoth';
import JSZip from 'jszip';

export type DocxHtml = { ok: true; html: string } | { ok: false; message: string; tooDeep?: { paragraph: number } };

/** Images are dropped rather than embedded as data: URIs (they carry no text to check). */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

/** The XML parts mammoth converts: the body, notes and comments. */
const CONTENT_PARTS = /^word\/(?:document|footnotes|endnotes|comments)\d*\.xml$/;

export async function docxToHtml(bytes: Uint8Array, maxElementDepth: number): Promise<DocxHtml> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const zip = await JSZip.loadAsync(buffer);
    for (const name of Object.keys(zip.files)
      .filter((n) => CONTENT_PARTS.test(n))
      .sort()) {
      const deep = tooDeepXml(await zip.files[name]!.async('string'), maxElementDepth);
      if (deep) return { ok: false, message: `${name} nests elements more than ${maxElementDepth} deep`, tooDeep: deep };
    }
    const result = await mammoth.convertToHtml(
      { buffer },
      // Empty paragraphs are kept so that paragraph numbers match the document's own count.
      // Word's Title style is the document's title (h1), as Heading 1–6 are h1–h6 by mammoth's own map.
      { ignoreEmptyParagraphs: false, externalFileAccess: false, convertImage: noImages, styleMap: ["p[style-name='Title'] => h1:fresh"] },
    );
    return { ok: true, html: result.value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: (message.split('\n')[0] ?? message).replace(/\s+/g, ' ') };
  }
}

/**
 * The first element of an XML text nested deeper than `max`, as the number of the Word
 * paragraph (`<w:p>`) it is in, or the next one when it is between paragraphs; null when none is. Only nesting is read: tags are
 * found by `<`, which XML allows nowhere else but in comments, CDATA and processing
 * instructions (skipped whole); `>` inside a quoted attribute value does not end the tag.
 */
export function tooDeepXml(xml: string, max: number): { paragraph: number } | null {
  let depth = 0;
  let paragraphs = 0;
  let inParagraphAt = 0; // the depth of the open <w:p>, 0 outside one
  let i = xml.indexOf('<');
  while (i !== -1) {
    const next = xml[i + 1];
    if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i + 4);
    else if (xml.startsWith('<![CDATA[', i)) i = xml.indexOf(']]>', i + 9);
    else if (next === '?' || next === '!') i = xml.indexOf('>', i + 2);
    else if (next === '/') {
      if (depth === inParagraphAt) inParagraphAt = 0;
      depth--;
      i = xml.indexOf('>', i + 2);
    } else {
      const end = tagEnd(xml, i + 1);
      if (end === -1) return null; // cut short: the XML parser will say so
      const selfClosing = xml[end - 1] === '/';
      if (/^w:p[\s/>]/.test(xml.slice(i + 1, i + 5))) {
        paragraphs++;
        if (!selfClosing) inParagraphAt = depth + 1;
      }
      // Inside a paragraph it is that paragraph; between paragraphs (a table opening), the next one.
      if (!selfClosing && ++depth > max) return { paragraph: inParagraphAt ? paragraphs : paragraphs + 1 };
      i = end;
    }
    if (i === -1) return null;
    i = xml.indexOf('<', i + 1);
  }
  return null;
}

/** The index of the `>` closing a start tag that begins at `from`, past quoted attribute values; -1 if none. */
function tagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}
