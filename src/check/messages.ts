// {{placeholder}} templates, as in ESLint's interpolate: unknown names stay visible.
export function interpolate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/** The names a template's `{{name}}` placeholders use, read from its literal type: `'{{a}} of {{b}}'` → `'a' | 'b'`. */
export type Placeholders<Template extends string> = Template extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The data a template needs: one value for each of its placeholders, no more. */
export type TemplateData<Template extends string> = { [Name in Placeholders<Template>]: string | number };
