// The REST operations callers depend on: method, path and scope of each. This list was taken from
// the document before the REST twins (v1, v1Webhooks, v1Modules, v1Domains) were folded into their
// domains' procedures; a route that moves, disappears or changes its scope fails here, and such a
// change is a decision for the README ("REST operations"), never an accident.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../http/index.ts';
import { registeredDomains } from '../../registry/index.ts';

const operations = [
  'DELETE /sites/{siteId}/modules/{installationId}/data/{tableName}/{rowId} modules.data:write',
  'DELETE /sites/{siteId}/webhooks/{endpointId} webhooks:write',
  'GET /sites/{siteId} site:read',
  'GET /sites/{siteId}/domains site:read',
  'GET /sites/{siteId}/modules modules:read',
  'GET /sites/{siteId}/modules/{installationId} modules:read',
  'GET /sites/{siteId}/modules/{installationId}/data/{tableName} modules.data:read',
  'GET /sites/{siteId}/modules/{installationId}/data/{tableName}/{rowId} modules.data:read',
  'GET /sites/{siteId}/webhook-deliveries webhooks:read',
  'GET /sites/{siteId}/webhooks webhooks:read',
  'GET /sites/{siteId}/webhooks/{endpointId} webhooks:read',
  'GET /token (any token)',
  'GET /webhooks/event-types webhooks:read',
  'PATCH /sites/{siteId}/modules/{installationId}/data/{tableName}/{rowId} modules.data:write',
  'PATCH /sites/{siteId}/webhooks/{endpointId} webhooks:write',
  'POST /sites/{siteId}/modules/{installationId}/data/{tableName} modules.data:write',
  'POST /sites/{siteId}/webhook-deliveries/{deliveryId}/redeliver webhooks:write',
  'POST /sites/{siteId}/webhooks webhooks:write',
  'POST /sites/{siteId}/webhooks/{endpointId}/rotate-secret webhooks:write',
  'POST /sites/{siteId}/webhooks/{endpointId}/test webhooks:write',
];

type Operation = { operationId?: string; security?: { oauth2?: string[] }[] };

const ofADomain = (op: Operation) => registeredDomains().some((d) => op.operationId?.startsWith(`${d.key}-`));

describe('the REST operations', () => {
  it('are the ones callers know, each with its scope', () => {
    const paths = openApiDocument('http://api.test').paths as Record<string, Record<string, Operation>>;
    // registered business domains add their own routes: the platform's are compared here
    const listed = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) => {
        const scope = op.security?.find((s) => s.oauth2)?.oauth2?.[0] ?? '(any token)';
        return ofADomain(op) ? [] : [`${method.toUpperCase()} ${path} ${scope}`];
      }),
    );
    expect(listed.sort()).toEqual(operations);
  });
});
