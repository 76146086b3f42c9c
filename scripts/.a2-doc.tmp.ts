import { validate } from '@readme/openapi-parser';
import { openApiDocument } from '../packages/api/src/http/index.ts';
const doc = openApiDocument('http://x') as any;
const p = doc.paths['/sites/{siteId}/modules/{installationId}/data/{tableName}'];
console.log(JSON.stringify(p, null, 1).slice(0, 6000));
console.log(Object.keys(doc.components.schemas), Object.keys(doc.components.responses));
console.log(JSON.stringify(doc.components.schemas.Error));
const r = await validate(structuredClone(doc));
console.log(r.valid ? 'VALID' : JSON.stringify(r.errors, null, 1));
