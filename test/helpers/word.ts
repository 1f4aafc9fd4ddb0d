// A small Word document for the tests of .docx input: title (kind and area), publication date, one section.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import Zip from 'jszip';

export async function westcombeDocx(): Promise<Buffer> {
  const docx = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Westcombe Safeguarding Children Partnership: safeguarding arrangements', heading: HeadingLevel.TITLE }),
          new Paragraph('Published: 2 October 2024'),
          new Paragraph({ text: 'Funding', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('The partners fund the arrangements through a pooled budget with equitable contributions.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(docx);
}

/**
 * A Word document whose body is a table nested `levels` deep (each cell holds the next table),
 * with a paragraph before it. Written as XML straight into a docx package made by `docx`: the
 * `docx` package itself overflows the stack past a few hundred levels.
 */
export async function nestedTablesDocx(levels: number): Promise<Buffer> {
  const base = await new Zip().loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] })));
  const ns = (await base.file('word/document.xml')!.async('string')).match(/<w:document[^>]*>/)![0];
  const open = '<w:tbl><w:tblPr/><w:tr><w:tc>';
  const close = '<w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
  const body = `<w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Deep arrangements</w:t></w:r></w:p>${open.repeat(levels)}<w:p><w:r><w:t>innermost</w:t></w:r></w:p>${close.repeat(levels)}<w:sectPr/></w:body>`;
  base.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${ns}${body}</w:document>`);
  return base.generateAsync({ type: 'nodebuffer' });
}
