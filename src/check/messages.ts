// {{placeholder}} templates, as in ESLint's interpolate: unknown names stay visible.
export function interpolate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}
