// A small Word document for the tests of .docx input: title (kind and area), publication date, one section.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';

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
