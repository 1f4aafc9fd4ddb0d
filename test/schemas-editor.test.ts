// Editors: a YAML language server shows $id, title and descriptions on hover, so every
// schema has them, and every key is described (directly or by the definition it refers to).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFolder } from './helpers/cli.js';

const SCHEMAS = join(import.meta.dirname, '..', 'schemas');
const files = (readdirSync(SCHEMAS, { recursive: true }) as string[]).filter((f) => f.endsWith('.schema.json')).sort();
const load = (file: string) => JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8'));

/** Paths of keys (properties, definitions, items) that have neither a description nor a $ref. */
function undescribed(node: unknown, path: string[] = []): string[] {
  if (!node || typeof node !== 'object') return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (!value || typeof value !== 'object') continue;
    const container = ['properties', 'definitions'].includes(path[path.length - 1] ?? '');
    const isSchema = container || key === 'items' || key === 'additionalProperties';
    if (isSchema && !Array.isArray(value) && !('description' in value) && !('$ref' in value)) out.push([...path, key].join('/'));
    out.push(...undescribed(value, [...path, key]));
  }
  return out;
}

describe('schemas for editors', () => {
  it('are the ones expected', () => {
    expect(files).toEqual([
      '2018/arrangements.schema.json',
      '2018/cdr-arrangements.schema.json',
      '2018/cdr-report.schema.json',
      '2018/yearly-report.schema.json',
      '2023/arrangements.schema.json',
      '2023/cdr-arrangements.schema.json',
      '2023/cdr-report.schema.json',
      '2023/yearly-report.schema.json',
      'bank-holidays.schema.json',
      'baseline.schema.json',
      'config.schema.json',
      'defs.schema.json',
      'inference.schema.json',
      'manifest.schema.json',
      'phrases.schema.json',
      'rule-pack.schema.json',
    ]);
  });
  for (const file of files) {
    it(`${file} has $id, title, description, and a description for every key`, () => {
      const schema = load(file);
      expect([typeof schema.$id, typeof schema.title, typeof schema.description]).toEqual(['string', 'string', 'string']);
      expect(schema.$id).toBe(`https://wtlint.invalid/schemas/${file}`);
      expect(undescribed(schema)).toEqual([]);
    });
  }
  it('wtlint schema prints a self-contained schema with $id and title', async () => {
    const root = tempFolder({});
    const r = await cli(root, ['schema', '--kind', 'arrangements', '--edition', '2023']);
    const schema = JSON.parse(r.stdout);
    expect([r.code, schema.$id, schema.title, JSON.stringify(schema).includes('../defs.schema.json')]).toEqual([
      0,
      'https://wtlint.invalid/schemas/2023/arrangements.schema.json',
      'Working Together 2023: published multi-agency safeguarding arrangements',
      false,
    ]);
  });
});
