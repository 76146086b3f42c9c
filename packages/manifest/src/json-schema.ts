// The manifest contract as JSON Schema, for editors: a manifest with
// "$schema": "./node_modules/@dramac/manifest/dramac.module.schema.json" is completed and checked
// by VS Code. Generated from the zod schema; a test keeps the committed file in step.
import { z } from 'zod';
import { manifestSchema } from './manifest.ts';

export const JSON_SCHEMA_FILE = 'dramac.module.schema.json';
export const JSON_SCHEMA_ID = 'https://dramac.dev/schemas/dramac.module.schema.json';

export function manifestJsonSchema(): Record<string, unknown> {
  // `input`: what a developer writes, so fields with defaults are optional.
  const { $schema, ...schema } = z.toJSONSchema(manifestSchema, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: JSON_SCHEMA_ID, title: 'Dramac module manifest (dramac.module.json)', ...schema };
}
