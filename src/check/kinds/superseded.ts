// `superseded`: a document following an edition that a later one replaced, judged after the changeover date.
import { defineCheck } from '../kind.js';
import { at } from '../field-values.js';

export const superseded = defineCheck<{ after: string; successor: string }>({
  description: 'After `after`, a document that still follows this edition should have been brought up to the `successor` edition.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['after', 'successor'],
    properties: { after: { type: 'string', format: 'date' }, successor: { type: 'string' } },
  },
  messages: {
    superseded:
      'These arrangements follow the {{edition}} edition; arrangements updated for the {{successor}} edition were due by {{after}} (as of {{asOf}})',
  },
  run(ctx, options) {
    if (ctx.asOf <= options.after || !ctx.meta.edition) return [];
    return [
      {
        messageId: 'superseded',
        data: { edition: ctx.meta.edition, successor: options.successor, after: options.after, asOf: ctx.asOf },
        ...at(ctx.doc.frontMatter, '/edition'),
      },
    ];
  },
});
