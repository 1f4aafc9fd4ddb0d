// `inferred`: says, at info level, what wtlint had to infer because the front matter did not give it.
import { defineCheck } from '../kind.js';
import { at } from '../field-values.js';

export const inferred = defineCheck<{ what: 'edition' | 'kind' }>({
  description: 'Reports that the document kind or edition was inferred (from dates, the file name or the title) rather than stated.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['what'],
    properties: { what: { enum: ['edition', 'kind'] } },
  },
  messages: {
    edition: 'No `edition` given: assumed {{edition}} because {{reason}}',
    kind: 'No `kind` given: assumed {{kind}} from {{reason}}',
  },
  run(ctx, options) {
    const fm = ctx.doc.frontMatter;
    if (options.what === 'edition' && ctx.meta.editionInferredFrom && ctx.meta.edition) {
      return [{ messageId: 'edition', data: { edition: ctx.meta.edition, reason: ctx.meta.editionInferredFrom }, ...at(fm, '/edition') }];
    }
    if (options.what === 'kind' && ctx.meta.kindInferredFrom && ctx.meta.kind) {
      return [{ messageId: 'kind', data: { kind: ctx.meta.kind, reason: ctx.meta.kindInferredFrom }, ...at(fm, '/kind') }];
    }
    return [];
  },
});
