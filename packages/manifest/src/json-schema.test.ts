import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_FILE, manifestJsonSchema } from './json-schema.ts';

describe('dramac.module.schema.json', () => {
  const committed = JSON.parse(readFileSync(new URL(`../${JSON_SCHEMA_FILE}`, import.meta.url), 'utf8'));

  it('is what the zod schema generates (run `pnpm -C packages/manifest generate:schema` after changing it)', () => {
    expect(committed).toStrictEqual(manifestJsonSchema());
  });

  it('names itself and describes what a developer writes', () => {
    expect(committed).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: expect.stringContaining(JSON_SCHEMA_FILE),
      title: expect.any(String),
      additionalProperties: false,
    });
    // Fields with defaults are optional for the author.
    expect(committed.required).toEqual(expect.arrayContaining(['id', 'version', 'type', 'changelog']));
    expect(committed.required).not.toContain('settings');
    expect(JSON.stringify(committed.properties.permissions)).toContain('crm.contacts:write');
  });
});
