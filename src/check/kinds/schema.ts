// `schema`: the front matter against schemas/<edition>/<kind>.schema.json (Ajv).
import { defineCheck } from '../kind.js';
import { describeErrors } from '../../schema-validator.js';
import { locatePath } from '../../parse/locate.js';

export const schema = defineCheck<Record<string, never>>({
  description: "The front matter matches the edition's JSON Schema for the document kind: types, formats, allowed values.",
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: { invalid: '{{problem}}' },
  run(ctx) {
    const validate = ctx.documentSchema;
    const data = ctx.doc.frontMatter?.data;
    if (!validate || !data) return [];
    if (validate(data)) return [];
    return describeErrors(validate).map((problem) => {
      const located = locatePath(ctx.doc.frontMatter, problem.path);
      return { messageId: 'invalid', data: { problem: problem.message }, place: located.place, path: problem.path };
    });
  },
});
