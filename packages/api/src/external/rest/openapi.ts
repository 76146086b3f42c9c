// What the OpenAPI bridge cannot say by itself, added to its document:
// - every error response in the API's one shape (http/errors.ts), where the bridge would declare
//   its own `{ message, code, issues }`;
// - open inputs: a procedure whose input object has a catchall takes more than its declared keys
//   (a module table's columns). On GET they are query parameters, documented as one exploded
//   `filter` object; on POST/PATCH they are the body, which the bridge leaves out when every
//   declared key is a path parameter;
// - each parameter's description, which the bridge leaves on its schema.
import type { AnyTRPCRouter } from '@trpc/server';
import { z } from 'zod';
import { createSchema } from 'zod-openapi';
import { apiErrorSchema } from '../../http/errors.ts';

type Json = Record<string, unknown>;
type Operation = { parameters?: Json[]; requestBody?: Json; responses?: Json };
interface Document {
  paths?: object;
  components?: { schemas?: Json; responses?: Json };
}

const errorSchemaRef = { $ref: '#/components/schemas/Error' };

/** The errors every operation may answer, and those only a request with a body may. */
const errorResponses = {
  BadRequest: [400, 'The input is not valid (`fields` names each field at fault), or the body is not JSON'],
  Unauthorized: [401, 'No valid API token or OAuth access token was sent'],
  Forbidden: [403, 'The token lacks the scope this route needs, or the action is not allowed'],
  NotFound: [404, "Nothing by that id on the token's site (another site's ids are not found either)"],
  TooManyRequests: [429, 'Over the rate limit: try again after Retry-After seconds'],
  Conflict: [409, 'The change conflicts with the current state, such as a value that must be unique'],
  PayloadTooLarge: [413, 'The body is larger than the limit'],
  UnsupportedMediaType: [415, 'The body is not application/json'],
} as const;
const readErrors = ['BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'TooManyRequests'] as const;
const writeErrors = [...readErrors, 'Conflict', 'PayloadTooLarge', 'UnsupportedMediaType'] as const;

function errorComponents() {
  const responses: Json = Object.fromEntries(
    Object.entries(errorResponses).map(([name, [, description]]) => [
      name,
      { description, content: { 'application/json': { schema: errorSchemaRef } } },
    ]),
  );
  (responses.TooManyRequests as Json).headers = {
    'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'integer' } },
  };
  responses.Error = {
    description: 'Any other error: a 500 when something failed on our side',
    content: { 'application/json': { schema: errorSchemaRef } },
  };
  return responses;
}

function operations(document: Document): [method: string, Operation][] {
  return Object.values((document.paths ?? {}) as Record<string, Record<string, Operation>>).flatMap((item) =>
    Object.entries(item),
  );
}

/** Replaces the bridge's error responses with ours, and its error schemas with `Error`. */
function declareErrors(document: Document) {
  const { components } = createSchema(apiErrorSchema);
  const schemas = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {}).filter(([name]) => !name.startsWith('error.')),
  );
  document.components = {
    ...document.components,
    schemas: { ...schemas, ...components },
    responses: { ...document.components?.responses, ...errorComponents() },
  };
  for (const [method, op] of operations(document)) {
    const ok = Object.fromEntries(Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2')));
    const errors = method === 'get' ? readErrors : writeErrors;
    op.responses = {
      ...ok,
      ...Object.fromEntries(errors.map((name) => [errorResponses[name][0], { $ref: `#/components/responses/${name}` }])),
      default: { $ref: '#/components/responses/Error' },
    };
  }
}

type Procedure = { _def: { inputs: unknown[]; meta?: { openapi?: { method: string; path: string } } } };

/** The extra keys an open input takes: its catchall schema, and that schema's description. */
function extraKeys(document: Document, catchall: z.core.$ZodType) {
  const { schema, components } = createSchema(catchall, { io: 'input' });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...components } };
  const { description, ...values } = schema as Json;
  return { values, description: description as string | undefined };
}

function describeOpenInputs(document: Document, router: AnyTRPCRouter) {
  for (const { _def } of Object.values(router._def.procedures as Record<string, Procedure>)) {
    const route = _def.meta?.openapi;
    const input = _def.inputs.at(-1);
    if (!route || !(input instanceof z.ZodObject)) continue;
    const catchall = input.def.catchall;
    if (!catchall || catchall instanceof z.ZodNever) continue;
    const op = (document.paths as Record<string, Record<string, Operation>>)[route.path]?.[route.method.toLowerCase()];
    if (!op) continue;
    const { values, description } = extraKeys(document, catchall);
    const open = { type: 'object', additionalProperties: values };
    if (route.method === 'GET') {
      // `filter: { email: 'eq.a@b.c' }` is sent as `?email=eq.a@b.c`
      op.parameters = [
        ...(op.parameters ?? []),
        { name: 'filter', in: 'query', style: 'form', explode: true, required: false, description, schema: open },
      ];
      continue;
    }
    const body = (op.requestBody?.content as Record<string, { schema?: Json }> | undefined)?.['application/json']?.schema;
    if (body?.type === 'object') body.additionalProperties = values;
    else op.requestBody = { required: true, description, content: { 'application/json': { schema: open } } };
  }
}

/** A parameter's schema description on the parameter itself, where generated clients show it. */
function describeParameters(document: Document) {
  for (const [, op] of operations(document)) {
    for (const param of op.parameters ?? []) {
      const described = (param.schema as Json | undefined)?.description;
      if (param.description === undefined && typeof described === 'string') param.description = described;
    }
  }
}

/** The bridge's document, finished: one error shape everywhere, open inputs and parameters described. */
export function completeRestDocument<D extends Document>(document: D, router: AnyTRPCRouter): D {
  declareErrors(document);
  describeOpenInputs(document, router);
  describeParameters(document);
  return document;
}
