// `not-future`: dates the document gives are not later than the as-of date.
import { defineCheck } from '../kind.js';
import { at, dateAt } from '../field-values.js';

export const notFuture = defineCheck<{ fields: string[] }>({
  description: 'Each listed date is on or before the as-of date: a later one is a typo or a draft dated ahead.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: { fields: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } } },
  },
  messages: { future: '`{{field}}` is {{date}}, after the as-of date {{asOf}}' },
  run(ctx, options) {
    const fm = ctx.doc.frontMatter;
    if (!fm?.data) return [];
    return options.fields.flatMap((pointer) => {
      const date = dateAt(fm.data, pointer);
      if (!date || date <= ctx.asOf) return [];
      const field = pointer.replace(/^\//, '').replace(/\//g, '.');
      return [{ messageId: 'future', data: { field, date, asOf: ctx.asOf }, ...at(fm, pointer) }];
    });
  },
});
