// Writes generated/openapi.d.ts: `pnpm -C packages/api generate:openapi`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_TYPES_FILE, openApiTypes } from './openapi-types.ts';

writeFileSync(OPENAPI_TYPES_FILE, await openApiTypes());
console.log(`wrote ${fileURLToPath(OPENAPI_TYPES_FILE)}`);
