// TypeScript types for the REST API, generated from its OpenAPI document with openapi-typescript:
// what an integrator's generated client sees, committed as generated/openapi.d.ts so a change to a
// route shows up in review. `pnpm -C packages/api generate:openapi` rewrites it; a test fails
// while the committed file is stale.
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../../http/index.ts';

export const OPENAPI_TYPES_FILE = new URL('./generated/openapi.d.ts', import.meta.url);

const HEADER = `// Generated from the REST API's OpenAPI document by openapi-typescript: do not edit.
// Run \`pnpm -C packages/api generate:openapi\` after changing a REST route.
`;

/** The types file's text, from the document the API serves (types do not depend on its base URL). */
export async function openApiTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument('https://dramac.example') as OpenAPI3, { silent: true });
  return HEADER + astToString(ast);
}
