// Writes dramac.module.schema.json next to package.json: `pnpm -C packages/manifest generate:schema`.
// Formatted by Biome so `biome check` accepts the committed file as it is.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_FILE, manifestJsonSchema } from './json-schema.ts';

const target = fileURLToPath(new URL(`../${JSON_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
execFileSync(process.execPath, [biome, 'format', '--write', target], { stdio: 'inherit' });
console.log(`wrote ${target}`);
